import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problem.js';

/**
 * Writes need ADMIN_TOKEN as a bearer token; with no ADMIN_TOKEN configured every write is refused.
 * (Accounts come later.)
 */
export function requireAdmin(adminToken: string | undefined) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!adminToken) {
      return sendProblem(reply, {
        type: 'about:blank', title: 'Forbidden', status: 403,
        detail: 'writes are disabled on this server: start it with ADMIN_TOKEN set to allow them',
      });
    }
    const header = request.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : '';
    const a = crypto.createHash('sha256').update(given).digest();
    const b = crypto.createHash('sha256').update(adminToken).digest();
    if (!given || !crypto.timingSafeEqual(a, b)) {
      reply.header('WWW-Authenticate', 'Bearer realm="muyield"');
      return sendProblem(reply, {
        type: 'about:blank', title: 'Unauthorized', status: 401,
        detail: 'this write needs the header "Authorization: Bearer <ADMIN_TOKEN>"',
      });
    }
  };
}
