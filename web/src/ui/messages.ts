/** Interface strings of the shared pieces in `ui/`. Arabic is the reference; English has the same keys. */
const ar = {
  date: {
    hijri: 'هـ',
  },
  chart: {
    showTable: 'اعرض الأرقام جدولًا',
    hideTable: 'أخفِ الجدول',
    month: 'الشهر',
    date: 'التاريخ',
  },
};

const en: typeof ar = {
  date: {
    hijri: 'AH',
  },
  chart: {
    showTable: 'Show as a table',
    hideTable: 'Hide the table',
    month: 'Month',
    date: 'Date',
  },
};

export const uiMessages = { ar, en };
