/**
 * The header's entries to the minister's screens (obstacles, meetings), read as
 * `t('ministerEntry.…')`; they load with the entries, for signed-in users only. Arabic is the
 * reference; English has the same keys.
 */
const ar = {
  obstacles: 'العوائق',
  obstaclesLabel: 'فتح نظرة الوزير إلى العوائق',
  meetings: 'الاجتماعات',
  meetingsLabel: 'فتح الاجتماعات وقراراتها',
  backToMap: 'الخريطة',
  backToMapLabel: 'العودة إلى الخريطة',
};

const en: typeof ar = {
  obstacles: 'Obstacles',
  obstaclesLabel: "Open the minister's view of obstacles",
  meetings: 'Meetings',
  meetingsLabel: 'Open the meetings and their decisions',
  backToMap: 'Map',
  backToMapLabel: 'Back to the map',
};

export const ministerEntryMessages = { ar, en };
