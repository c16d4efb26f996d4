import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations for the web, generated from the committed schema (never from a
 * running server) so CI can regenerate and compare. Run from the workspace root:
 * `npm run codegen`.
 */
const config: CodegenConfig = {
  schema: 'apps/api/schema.graphql',
  documents: ['libs/web/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'libs/web/data-access/src/gql/': {
      preset: 'client',
      presetConfig: {
        // Operations live in .graphql files and are used through their generated
        // *Document constants; fragments are plain types, not masked.
        fragmentMasking: false,
        gqlTagName: 'graphql',
      },
      config: {
        scalars: { DateTime: 'string' },
        defaultScalarType: 'unknown',
        // One definition of the roles and statuses: the shared domain's enums.
        enumValues: {
          Role: '@civitas/shared/domain#Role',
          MembershipStatus: '@civitas/shared/domain#MembershipStatus',
          OrganisationKind: '@civitas/shared/domain#OrganisationKind',
          GroupVisibility: '@civitas/shared/domain#GroupVisibility',
          GroupRole: '@civitas/shared/domain#GroupRole',
          JoinRequestStatus: '@civitas/shared/domain#JoinRequestStatus',
          GroupInvitationStatus: '@civitas/shared/domain#GroupInvitationStatus',
          GroupModerationAction: '@civitas/shared/domain#GroupModerationAction',
          ForumReaction: '@civitas/shared/domain#ForumReaction',
          ForumThreadFollow: '@civitas/shared/domain#ForumThreadFollow',
          NotificationKind: '@civitas/shared/domain#NotificationKind',
          EmailFrequency: '@civitas/shared/domain#EmailFrequency',
          OpinionRequestState: '@civitas/shared/domain#OpinionRequestState',
          OpinionAreaOfLaw: '@civitas/shared/domain#OpinionAreaOfLaw',
          OpinionDiscussionAudience: '@civitas/shared/domain#OpinionDiscussionAudience',
          OpinionRequestAction: '@civitas/shared/domain#OpinionRequestAction',
        },
        enumType: 'const',
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        nonOptionalTypename: true,
        skipTypeNameForRoot: true,
      },
    },
  },
};

export default config;
