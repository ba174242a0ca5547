import argon2 from 'argon2'

/**
 * Staff passwords: argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane), which
 * keeps a login near 30 ms on one core of this class of machine while staying expensive to
 * brute-force. argon2.verify reads the parameters from the stored hash, so raising them later
 * only affects new hashes.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const

export const hashPassword = (password: string) => argon2.hash(password, OPTIONS)
export const verifyPassword = (hash: string, password: string) => argon2.verify(hash, password)
