/** Interface strings of the shared pieces in `ui/`. Arabic is the reference; English has the same keys. */
const ar = {
  date: {
    hijri: 'هـ',
  },
};

const en: typeof ar = {
  date: {
    hijri: 'AH',
  },
};

export const uiMessages = { ar, en };
