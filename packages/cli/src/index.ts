export { localClient, remoteClient, type ApiClient, type LocalClientOptions } from './api-client.js';
export { buildProgram } from './program.js';
export { formatDetails, formatTable, type Column, type TableStyle } from './output/table.js';
