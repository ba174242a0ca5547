/** Voice notes need the recorder manager (wx/my.getRecorderManager), which only the mini-programs have. */
export const canRecordVoice = process.env.TARO_ENV !== 'h5'
