/** A phone number an outside platform vouches for, as the phone adapters return it. */
export interface VerifiedPhone {
  /** mainland mobile, 11 digits, no country code */
  phone: string
}

/** Offices call and text residents on mainland mobiles only. */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/
