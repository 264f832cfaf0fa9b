/** Interface strings about work kept on this device. */
const ar = {
  restored: 'استُعيدت مسودة غير مرسلة محفوظة على هذا الجهاز ({{when}}).',
  discard: 'تجاهل المسودة',
  offline: 'لا اتصال بالخادم. ما كتبته محفوظ على هذا الجهاز؛ أرسله مجددًا حين يعود الاتصال.',
  photosNotKept: 'الصور لا تُحفظ في المسودة: أرفقها مجددًا قبل الإرسال.',
};

const en: typeof ar = {
  restored: 'An unsent draft kept on this device was restored ({{when}}).',
  discard: 'Discard draft',
  offline: 'No connection to the server. What you wrote is kept on this device; send it again when the connection is back.',
  photosNotKept: 'Photos are not kept in the draft: attach them again before sending.',
};

export const draftMessages = { ar, en };
