export { csvField, relationsCsv, RELATIONS_CSV_COLUMNS } from './csv';
export { visibleGraphForExport, visibleGraphGexf } from './gexf';
