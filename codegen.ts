import type { CodegenConfig } from '@graphql-codegen/cli';

// schema.graphql is the single source of truth: server resolver types and client
// operation types are both generated from it, never written by hand.
const config: CodegenConfig = {
  overwrite: true,
  schema: 'schema.graphql',
  generates: {
    'server/api/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        contextType: '../context#ApiContext',
        mappers: {
          Entity: '../../data/model#EntityRecord',
          Relation: '../../data/model#RelationRecord',
          Citation: '../../data/model#CitationRecord',
          Speaker: '../../graph/results#SpeakerRecord',
          Hedge: '../../data/model#HedgeRecord',
          Source: '../../data/model#SourceRecord',
          Claim: '../../data/model#ClaimRecord',
          Disagreement: '../../graph/results#DisagreementRecord',
          Path: '../../graph/results#PathRecord',
          PathHop: '../../graph/results#PathHopRecord',
          Subgraph: '../../graph/results#SubgraphRecord',
          SourceComparison: '../../graph/results#SourceComparisonRecord',
          EntityType: '../../graph/results#EntityTypeSummary',
          RelationType: '../../graph/results#RelationTypeSummary',
          EntityRelationConnection: '../../graph/entity-relations#EntityRelationsRecord',
          EntityRelationEdge: '../../graph/entity-relations#EntityRelationEdgeRecord',
          Overview: '../../graph/overview#OverviewRecord',
          Between: '../../graph/between#BetweenRecord',
          RelationGroup: '../../graph/between#RelationGroupRecord',
          FullTextSearch: '../../graph/full-text-search#FullTextSearchRecord',
          EntityMatch: '../../graph/full-text-search#EntityMatchRecord',
          RelationMatch: '../../graph/full-text-search#RelationMatchRecord',
          QuoteMatch: '../../graph/full-text-search#QuoteMatchRecord',
          Passage: '../../graph/full-text-search#PassageRecord',
          Change: '../../curation/change-log#ChangeEntry',
          TimeStatement: '../../data/model#TimeRecord',
          Timeline: '../../graph/timeline#TimelineRecord',
          TimelineEvent: '../../graph/time#TimelineEventRecord',
        },
      },
    },
    'client/src/api/generated/graphql.ts': {
      documents: 'client/src/**/*.graphql',
      plugins: ['typescript-operations', 'typed-document-node'],
      // Documents as strings, not syntax trees: a fifth of the size in the explorer's first
      // chunk, which its opening requests wait for; client/src/api/documents.ts parses each once.
      config: { useTypeImports: true, enumsAsTypes: true, documentMode: 'string' },
    },
  },
};

export default config;
