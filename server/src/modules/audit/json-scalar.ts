import { GraphQLJSONObject } from 'graphql-scalars';

/** Free-form details of an audit entry (before/after values, reasons). */
export default GraphQLJSONObject;
