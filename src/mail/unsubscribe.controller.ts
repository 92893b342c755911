import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access, AccessRule } from '../common/auth/access.decorator.js';
import { AppError } from '../common/errors.js';
import { httpErrorBody } from '../common/http/error-body.js';
import type { ErrorReason } from '../common/error-catalogue.js';
import { SIGNED_TOKEN_MAX_LENGTH } from '../common/signed-token.js';
import { UnsubscribeService } from './unsubscribe.service.js';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, CONFLICT: 409 };

/**
 * The target of a mail's `List-Unsubscribe` header. `POST /mail/unsubscribe?token=…` is the one-click
 * unsubscribe of RFC 8058 (mail clients send `List-Unsubscribe=One-Click` as a form body): it records the
 * opt-out. `GET` changes nothing (link scanners follow links): it answers a page whose button sends the POST.
 */
@Controller('mail')
@Access(AccessRule.PUBLIC)
export class UnsubscribeController {
  constructor(private readonly unsubscribes: UnsubscribeService) {}

  @Get('unsubscribe')
  page(@Query('token') token: unknown, @Res() reply: FastifyReply): void {
    const safe = typeof token === 'string' && /^[A-Za-z0-9_.-]{1,400}$/.test(token) ? token : '';
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; form-action 'self'")
      .send(
        `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>退订 / Unsubscribe</title>` +
          `<form method="post" action="/mail/unsubscribe?token=${safe}">` +
          `<input type="hidden" name="List-Unsubscribe" value="One-Click">` +
          `<p>不再接收此类邮件？ / Stop this kind of e-mail?</p>` +
          `<button type="submit">退订 / Unsubscribe</button></form></html>`,
      );
  }

  @Post('unsubscribe')
  async unsubscribe(
    @Query('token') token: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    try {
      if (typeof token !== 'string' || token.length > SIGNED_TOKEN_MAX_LENGTH) throw new BadToken();
      const kind = await this.unsubscribes.unsubscribe(token);
      await reply.status(200).send({ data: { unsubscribed: true, kind } });
    } catch (error) {
      if (
        error instanceof BadToken ||
        (error instanceof AppError && String(error.extensions.code) in STATUS)
      ) {
        const code = error instanceof AppError ? String(error.extensions.code) : 'BAD_USER_INPUT';
        const reason = (
          error instanceof AppError ? error.extensions.reason : 'INVALID_INPUT'
        ) as ErrorReason;
        await reply
          .status(STATUS[code])
          .send(httpErrorBody(code, reason, error.message, String(req.id)));
        return;
      }
      throw error;
    }
  }
}

class BadToken extends Error {
  constructor() {
    super('token: is not a valid link token');
  }
}
