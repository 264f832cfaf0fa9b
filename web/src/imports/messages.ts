/** Interface strings of the import screen. */
const ar = {
  open: 'استيراد',
  title: 'استيراد مشاريع',
};

const en: typeof ar = {
  open: 'Import',
  title: 'Import projects',
};

export const importMessages = { ar, en };
