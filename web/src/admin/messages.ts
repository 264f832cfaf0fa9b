/** Interface strings of the administration screens (accounts and organizations). */
const ar = {
  open: 'الإدارة',
  title: 'الإدارة',
};

const en: typeof ar = {
  open: 'Administration',
  title: 'Administration',
};

export const adminMessages = { ar, en };
