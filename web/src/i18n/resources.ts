import type { Language } from './language.ts';

/** Interface strings. Arabic is the reference text; English must have the same keys. */
const ar = {
  app: {
    name: 'مرصد',
    tagline: 'متابعة مشاريع التنمية في المحافظات',
  },
  language: {
    switchTo: 'English',
    switchToLabel: 'التبديل إلى الإنجليزية',
  },
  map: {
    label: 'خريطة المحافظات',
    loading: 'جارٍ تحميل الخريطة…',
    zoomIn: 'تكبير',
    zoomOut: 'تصغير',
    attribution: 'الحدود: Natural Earth',
  },
  panel: {
    heading: 'المحافظة المختارة',
    hint: 'اختر محافظة على الخريطة لعرض بياناتها.',
    code: 'الرمز',
    kind: 'النوع',
    country: 'الدولة',
    close: 'إغلاق',
  },
  errors: {
    boundaries:
      'تعذّر تحميل حدود المحافظات من الخادم ({{detail}}). تأكد من أن خادم مرصد يعمل ثم أعد تحميل الصفحة.',
  },
};

export type Messages = typeof ar;

const en: Messages = {
  app: {
    name: 'Marsad',
    tagline: 'Tracking development projects across governorates',
  },
  language: {
    switchTo: 'العربية',
    switchToLabel: 'Switch to Arabic',
  },
  map: {
    label: 'Map of governorates',
    loading: 'Loading the map…',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    attribution: 'Boundaries: Natural Earth',
  },
  panel: {
    heading: 'Selected governorate',
    hint: 'Select a governorate on the map to see its details.',
    code: 'Code',
    kind: 'Type',
    country: 'Country',
    close: 'Close',
  },
  errors: {
    boundaries:
      'Could not load the governorate boundaries from the server ({{detail}}). Check that the Marsad server is running, then reload the page.',
  },
};

export const resources: Record<Language, { translation: Messages }> = {
  ar: { translation: ar },
  en: { translation: en },
};
