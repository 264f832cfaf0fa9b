/** Interface strings about working without a connection. */
const ar = {
  offline: 'غير متصل',
  offlineDetail:
    'لا اتصال بالشبكة: يُعرض ما يحفظه هذا الجهاز. الخطط والموجزات والتصدير والاستيراد والإدارة والاجتماعات تحتاج إلى اتصال.',
  unavailableTitle: 'غير متاح دون اتصال',
  unavailable: 'هذه الشاشة تحتاج إلى اتصال بالشبكة، ولا يحفظها الجهاز للعمل الميداني. عُد إليها حين يعود الاتصال.',
  backToMap: 'العودة إلى الخريطة',
  needsConnection: 'غير متاح دون اتصال',
};

const en: typeof ar = {
  offline: 'Offline',
  offlineDetail:
    'No network: showing what this device keeps. Plans, briefs, exports, imports, administration and meetings need a connection.',
  unavailableTitle: 'Not available offline',
  unavailable: 'This screen needs a network connection; the device does not keep it for field work. Come back to it when the connection returns.',
  backToMap: 'Back to the map',
  needsConnection: 'Not available offline',
};

export const offlineMessages = { ar, en };
