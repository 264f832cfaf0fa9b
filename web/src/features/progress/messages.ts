/** Interface strings of the progress report form. Arabic is the reference; English has the same keys. */
const ar = {
  progress: {
    title: 'تحديث الإنجاز',
    date: 'تاريخ التقرير',
    status: 'الحالة',
    physical: 'الإنجاز الفعلي (٪)',
    financial: 'الإنجاز المالي (٪)',
    note: 'ملاحظة (اختيارية)',
    submit: 'حفظ التحديث',
    submitting: 'جارٍ الحفظ…',
    saved: 'حُفظ التحديث.',
    conflict: 'غيّر شخص آخر هذا المشروع منذ فتحه. أعد تحميله ثم أدخل التحديث مجددًا.',
    reload: 'إعادة التحميل',
    forbidden: 'لا يحق لك تعديل هذا المشروع.',
    notAllowedStatus: 'لا يمكن الانتقال إلى هذه الحالة. المسموح: {{allowed}}',
    failed: 'تعذّر حفظ التحديث: {{detail}}',
    errors: {
      date: 'أدخل تاريخًا صحيحًا.',
      future: 'لا يمكن أن يكون التاريخ في المستقبل.',
      status: 'اختر حالة مسموحًا بها.',
      percent: 'أدخل رقمًا بين ٠ و١٠٠.',
      noteLength: 'الملاحظة أطول من ٤٠٠٠ حرف.',
    },
  },
};

const en: typeof ar = {
  progress: {
    title: 'Report progress',
    date: 'Report date',
    status: 'Status',
    physical: 'Physical progress (%)',
    financial: 'Financial progress (%)',
    note: 'Note (optional)',
    submit: 'Save report',
    submitting: 'Saving…',
    saved: 'Report saved.',
    conflict: 'Someone else changed this project since you opened it. Reload it and enter your report again.',
    reload: 'Reload',
    forbidden: 'You may not change this project.',
    notAllowedStatus: 'That status change is not allowed. Allowed: {{allowed}}',
    failed: 'Could not save the report: {{detail}}',
    errors: {
      date: 'Enter a valid date.',
      future: 'The date cannot be in the future.',
      status: 'Choose an allowed status.',
      percent: 'Enter a number from 0 to 100.',
      noteLength: 'The note is longer than 4000 characters.',
    },
  },
};

export const progressMessages = { ar, en };
