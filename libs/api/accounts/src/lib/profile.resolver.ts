import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { foldForSearch, Permission } from '@civitas/shared/domain';
import type { AuthUser } from '@civitas/api/auth';
import { CurrentUser, RequirePermission, User } from '@civitas/api/auth';
import { UpdateMyProfileInput } from './dto/profile.inputs';

@Resolver(() => User)
export class ProfileResolver {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @RequirePermission(Permission.PROFILE_OWN)
  @Mutation(() => User)
  async updateMyProfile(
    @Args('input') input: UpdateMyProfileInput,
    @CurrentUser() user: AuthUser,
  ): Promise<User> {
    const changes: Partial<User> = {};
    if (input.name !== undefined) {
      changes.name = input.name.trim();
      changes.nameFolded = foldForSearch(changes.name);
    }
    for (const key of ['position', 'department', 'phone'] as const) {
      if (input[key] !== undefined) changes[key] = input[key]?.trim() || null;
    }
    if (input.locale !== undefined) changes.locale = input.locale;
    if (Object.keys(changes).length > 0) await this.db.getRepository(User).update(user.id, changes);
    return this.db.getRepository(User).findOneByOrFail({ id: user.id });
  }
}
