/** Interface strings of the map. Arabic is the reference; English has the same keys. */
const ar = {
  map: {
    label: 'خريطة المحافظات',
    loading: 'جارٍ رسم الخريطة…',
    loadError: 'تعذّر تحميل حدود الخريطة، فلا يمكن رسمها.',
    countsError: 'تعذّر تحميل أعداد المشاريع لهذا الجزء من الخريطة.',
    retry: 'إعادة المحاولة',
    zoomIn: 'تكبير',
    zoomOut: 'تصغير',
    attribution: 'الحدود: Natural Earth',
    cluster_zero: '{{formatted}} مشروع',
    cluster_one: 'مشروع واحد',
    cluster_two: 'مشروعان',
    cluster_few: '{{formatted}} مشاريع',
    cluster_many: '{{formatted}} مشروعًا',
    cluster_other: '{{formatted}} مشروع',
    clusterDelayed: 'متأخرة: {{formatted}} — انقر للتكبير',
  },
};

const en: typeof ar = {
  map: {
    label: 'Map of governorates',
    loading: 'Drawing the map…',
    loadError: 'The map boundaries could not be loaded, so the map cannot be drawn.',
    countsError: 'Project counts for this part of the map could not be loaded.',
    retry: 'Try again',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    attribution: 'Boundaries: Natural Earth',
    cluster_zero: '{{formatted}} projects',
    cluster_one: '1 project',
    cluster_two: '{{formatted}} projects',
    cluster_few: '{{formatted}} projects',
    cluster_many: '{{formatted}} projects',
    cluster_other: '{{formatted}} projects',
    clusterDelayed: 'Delayed: {{formatted}} — click to zoom in',
  },
};

export const mapMessages = { ar, en };
