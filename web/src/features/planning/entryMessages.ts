/**
 * The planning entries in the header's account corner. Tiny, so they travel with the first view;
 * the screens' own strings (`messages.ts`) load with the screens.
 */
export const planningEntryMessages = {
  ar: { plans: 'الخطة السنوية', returns: 'النماذج الإحصائية' },
  en: { plans: 'Annual plans', returns: 'Statistical returns' },
};
