import type { FastifyReply } from 'fastify';
import type { ExportFile } from '../services/export.service.js';
import { contentDisposition } from '../export/content-disposition.js';

/** Send an exported file as a download, named in ASCII and in UTF-8. */
export function sendDownload(reply: FastifyReply, file: ExportFile) {
  return reply
    .header('content-disposition', contentDisposition(file.asciiFileName, file.fileName))
    .type(file.contentType)
    .send(file.body);
}
