/**
 * The header's entries to the minister's screens (obstacles, meetings): the first view needs only
 * these; the screens' own strings load with them. Arabic is the reference; English has the same keys.
 */
const ar = {
  ministerEntry: {
    obstacles: 'العوائق',
    obstaclesLabel: 'فتح نظرة الوزير إلى العوائق',
    meetings: 'الاجتماعات',
    meetingsLabel: 'فتح الاجتماعات وقراراتها',
    backToMap: 'الخريطة',
    backToMapLabel: 'العودة إلى الخريطة',
  },
};

const en: typeof ar = {
  ministerEntry: {
    obstacles: 'Obstacles',
    obstaclesLabel: "Open the minister's view of obstacles",
    meetings: 'Meetings',
    meetingsLabel: 'Open the meetings and their decisions',
    backToMap: 'Map',
    backToMapLabel: 'Back to the map',
  },
};

export const ministerEntryMessages = { ar, en };
