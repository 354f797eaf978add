/**
 * The most values one list argument of the API holds (RelationFilter.ids, EntityFilter.ids,
 * `sources` …): the API's bound on every list argument, said in schema.graphql, and tied to the
 * server's by a test. What the client asks about many ids it asks in batches of this size
 * (api/batches.ts); what a user chooses for a filter the API applies is held to it (a set
 * filter's value is sent whole, as one list).
 */
export const LIST_ARGUMENT_MAX = 100;
