/** Interface strings of a project's sharing with donors. */
const ar = {
  title: 'المشاركة مع الجهات المانحة',
  hint: 'ترى الجهة المانحة المشاريع المشتركة معها فقط.',
  empty: 'غير مشترك مع أي جهة.',
  sharedBy: 'شاركه {{name}} في {{date}}',
  failed: 'تعذّر تغيير المشاركة: {{detail}}',
};

const en: typeof ar = {
  title: 'Shared with donors',
  hint: 'A donor sees only the projects shared with it.',
  empty: 'Not shared with anyone.',
  sharedBy: 'Shared by {{name}} on {{date}}',
  failed: 'Could not change the sharing: {{detail}}',
};

export const sharingMessages = { ar, en };
