/** Interface strings of progress photos: the picker of the report form and the photos shown with a report. */
const ar = {
  label: 'صور من الموقع (اختياري)',
  hint: 'حتى {{max}} صور. تُصغَّر قبل الإرسال وتُحذف منها بيانات الموقع الجغرافي.',
  take: 'التقاط صورة',
  choose: 'اختيار صور',
  preparing: 'جارٍ تجهيز الصور…',
  remove: 'إزالة الصورة {{n}}',
  selected: 'الصورة {{n}} المختارة',
  tooMany: 'يقبل التقرير الواحد {{max}} صور على الأكثر؛ لم تُضف الصور الزائدة.',
  unreadable: 'تعذّرت قراءة الصورة «{{name}}». اختر صورة JPEG أو PNG أو WebP.',
  tooLarge: 'الصورة «{{name}}» أكبر من {{mb}} ميغابايت حتى بعد تصغيرها؛ لم تُضف.',
  rejected: 'لم تُقبل الصور ولم يُحفظ التقرير: {{detail}}',
  heading: 'صور التقرير',
  photoAlt: 'صورة {{n}} من تقرير {{date}}',
  open: 'فتح الصورة {{n}} بحجمها الكامل',
};

const en: typeof ar = {
  label: 'Site photos (optional)',
  hint: 'Up to {{max}} photos. They are downscaled before sending, and their location data is removed.',
  take: 'Take a photo',
  choose: 'Choose photos',
  preparing: 'Preparing the photos…',
  remove: 'Remove photo {{n}}',
  selected: 'Selected photo {{n}}',
  tooMany: 'A report takes at most {{max}} photos; the extra ones were not added.',
  unreadable: 'Could not read the photo “{{name}}”. Choose a JPEG, PNG or WebP image.',
  tooLarge: 'The photo “{{name}}” is larger than {{mb}} MB even downscaled; it was not added.',
  rejected: 'The photos were refused and the report was not saved: {{detail}}',
  heading: 'Report photos',
  photoAlt: 'Photo {{n}} of the report of {{date}}',
  open: 'Open photo {{n}} at full size',
};

export const photoMessages = { ar, en };
