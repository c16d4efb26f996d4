import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { fromBuffer } from 'file-type';
import { DataSource } from 'typeorm';
import { LOGO_MAX_BYTES, Permission } from '@civitas/shared/domain';
import { badUserInput, notFound, ParseIdPipe } from '@civitas/api/core';
import { AccessService } from '@civitas/api/access';
import { AuditService } from '@civitas/api/audit';
import type { AuthUser } from '@civitas/api/auth';
import { CurrentUser, Public, RequirePermission } from '@civitas/api/auth';
import { Organisation, OrganisationLogo } from './organisation.entity';

/** Raster images only: an SVG can carry script. */
const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

@Controller('api/organisations/:id/logo')
export class OrganisationLogoController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  @Public()
  @Get()
  async get(@Param('id', new ParseIdPipe('Logo')) id: string, @Res() res: Response): Promise<void> {
    const logo = await this.db.getRepository(OrganisationLogo).findOneBy({ organisationId: id });
    if (!logo) throw notFound('Logo');
    res
      .set({
        'Content-Type': logo.contentType,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'",
        'Cache-Control': 'public, max-age=86400',
      })
      .send(logo.data);
  }

  @RequirePermission(Permission.ORGANISATION_PROFILE_UPDATE)
  @Post()
  @HttpCode(204)
  @UseInterceptors(FileInterceptor('logo', { limits: { fileSize: LOGO_MAX_BYTES, files: 1 } }))
  async upload(
    @Param('id', new ParseIdPipe('Organisation')) id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    this.access.assertCanUpdateOrganisationProfile(user, id);
    if (!file) throw badUserInput('Attach the logo as the "logo" field of a multipart form');
    // The declared type is the client's claim; the bytes decide.
    const sniffed = await fromBuffer(file.buffer);
    if (!sniffed || !LOGO_TYPES.includes(sniffed.mime)) {
      throw badUserInput('The logo must be a PNG, JPEG or WebP image');
    }
    await this.db.transaction(async (tx) => {
      if (!(await tx.getRepository(Organisation).existsBy({ id }))) throw notFound('Organisation');
      await tx
        .getRepository(OrganisationLogo)
        .save({ organisationId: id, contentType: sniffed.mime, data: file.buffer });
      await tx.getRepository(Organisation).update(id, { logoUpdatedAt: new Date() });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'organisation.logo.update',
          entityType: 'organisation',
          entityId: id,
        },
        tx,
      );
    });
  }

  @RequirePermission(Permission.ORGANISATION_PROFILE_UPDATE)
  @Delete()
  @HttpCode(204)
  async remove(
    @Param('id', new ParseIdPipe('Organisation')) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    this.access.assertCanUpdateOrganisationProfile(user, id);
    await this.db.transaction(async (tx) => {
      await tx.getRepository(OrganisationLogo).delete({ organisationId: id });
      await tx.getRepository(Organisation).update(id, { logoUpdatedAt: null });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'organisation.logo.remove',
          entityType: 'organisation',
          entityId: id,
        },
        tx,
      );
    });
  }
}
