import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission, Role } from '@civitas/shared/domain';
import type { AuthUser } from '@civitas/api/auth';
import { CurrentUser, RequirePermission } from '@civitas/api/auth';
import { PracticeAreaInput, ReorderPracticeAreasInput } from './dto/practice.inputs';
import { PracticeArea } from './practice.types';
import { PracticeAreasService } from './practice-areas.service';

/** The managed list of areas: everyone who reads practices sees it, the office keeps it. */
@Resolver(() => PracticeArea)
export class PracticeAreasResolver {
  constructor(private readonly areas: PracticeAreasService) {}

  @RequirePermission(Permission.PRACTICES_READ)
  @Query(() => [PracticeArea], { description: 'The managed list of areas, in display order.' })
  practiceAreas(
    @Args('includeInactive', { defaultValue: false }) includeInactive: boolean,
    @CurrentUser() user: AuthUser,
  ): Promise<PracticeArea[]> {
    return this.areas.list(includeInactive, user.role === Role.OFFICE_ADMIN);
  }

  @RequirePermission(Permission.PRACTICES_REVIEW)
  @Mutation(() => PracticeArea, {
    description: 'CONFLICT when the code exists or another area has the name (either language).',
  })
  createPracticeArea(
    @Args('input') input: PracticeAreaInput,
    @CurrentUser() user: AuthUser,
  ): Promise<PracticeArea> {
    return this.areas.create(user, input);
  }

  @RequirePermission(Permission.PRACTICES_REVIEW)
  @Mutation(() => PracticeArea, {
    description:
      'Renames, reorders or retires (active: false) an area by its code. NOT_FOUND for an unknown code; CONFLICT when another area has the name.',
  })
  updatePracticeArea(
    @Args('input') input: PracticeAreaInput,
    @CurrentUser() user: AuthUser,
  ): Promise<PracticeArea> {
    return this.areas.update(user, input);
  }

  @RequirePermission(Permission.PRACTICES_REVIEW)
  @Mutation(() => [PracticeArea], {
    description:
      'Sets the display order (positions 10, 20, …). BAD_USER_INPUT unless every area is named once. Answers the whole list, inactive ones too.',
  })
  reorderPracticeAreas(
    @Args('input') input: ReorderPracticeAreasInput,
    @CurrentUser() user: AuthUser,
  ): Promise<PracticeArea[]> {
    return this.areas.reorder(user, input.codes);
  }

  @RequirePermission(Permission.PRACTICES_REVIEW)
  @Mutation(() => PracticeArea, {
    description:
      'Deletes an area no practice is filed under. CONFLICT when one is (retire it instead); NOT_FOUND for an unknown code.',
  })
  deletePracticeArea(
    @Args('code') code: string,
    @CurrentUser() user: AuthUser,
  ): Promise<PracticeArea> {
    return this.areas.delete(user, code);
  }
}
