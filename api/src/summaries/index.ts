export { countProjects, summarizeAll, summarizeByCountry, summarizeByGovernorate, type SummaryOptions } from './summaryQueries.ts';
export { progressTimeline } from './summaryTimeline.ts';
