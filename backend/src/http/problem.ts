import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { BadRequestError, ConflictError, InvalidSchemeError, NotFoundError } from '../services/errors.js';
import { BundleInvalidError, formatProblem } from '../bundle/problems.js';
import { BundleReadError } from '../bundle/read-bundle-files.js';

/** RFC 9457 problem details; every error the API answers has this shape. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  [extension: string]: unknown;
}

export function sendProblem(reply: FastifyReply, problem: Problem) {
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

/** Map any error to problem+json; never a stack trace to the user. */
export function handleError(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err.validation) {
    return sendProblem(reply, {
      type: 'about:blank',
      title: 'Invalid request',
      status: 400,
      detail: `${err.validationContext ?? 'request'}: ${err.validation.map((v) => {
        const params = v.params as { missingProperty?: string; additionalProperty?: string };
        const extra = params.additionalProperty ? `: "${params.additionalProperty}"` : '';
        if (params.missingProperty) return `${params.missingProperty} is required`;
        return `${v.instancePath.replace(/^\//, '') || 'value'} ${v.message}${extra}`;
      }).join('; ')}`,
    });
  }
  if (err instanceof NotFoundError) {
    return sendProblem(reply, { type: 'about:blank', title: 'Not found', status: 404, detail: err.message, ...err.problem });
  }
  if (err instanceof BadRequestError) {
    return sendProblem(reply, { type: 'about:blank', title: 'Invalid request', status: 400, detail: err.message, ...(err as BadRequestError).problem });
  }
  if (err instanceof ConflictError) {
    return sendProblem(reply, { type: 'about:blank', title: 'Conflict', status: 409, detail: err.message, ...(err as ConflictError).problem });
  }
  if (err instanceof InvalidSchemeError) {
    const title = err.status === 400 ? 'Invalid scheme' : 'The stored scheme is invalid';
    return sendProblem(reply, { type: 'about:blank', title, status: err.status, detail: err.message, errors: err.errors });
  }
  if (err instanceof BundleInvalidError) {
    return sendProblem(reply, {
      type: 'about:blank',
      title: 'The bundle has errors; nothing was written',
      status: 422,
      detail: err.problems.filter((p) => p.severity === 'error').slice(0, 20).map(formatProblem).join('\n'),
      problems: err.problems,
    });
  }
  if (err instanceof BundleReadError) {
    return sendProblem(reply, { type: 'about:blank', title: 'Unreadable bundle', status: 400, detail: err.message });
  }
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return sendProblem(reply, { type: 'about:blank', title: titleFor(status), status, detail: err.message });
  }
  request.log.error({ err }, 'unexpected error');
  return sendProblem(reply, {
    type: 'about:blank',
    title: 'Internal error',
    status: 500,
    detail: 'the server could not answer this request; the error was logged',
  });
}

function titleFor(status: number): string {
  return ({ 400: 'Bad request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not found', 405: 'Method not allowed', 413: 'Request too large', 415: 'Unsupported media type' } as Record<number, string>)[status] ?? 'Request error';
}
