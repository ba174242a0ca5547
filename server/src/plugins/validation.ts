import fp from 'fastify-plugin'
import { Ajv, type Options } from 'ajv'
import addFormats from 'ajv-formats'

const shared: Options = { removeAdditional: false, useDefaults: true, allErrors: false, strict: false }

/**
 * Query strings, path params and headers arrive as text, so their numbers and booleans are
 * coerced; a JSON body is taken as sent, so `"content": 12345` is a wrong type, not a
 * five-character complaint. Unknown fields are refused, never silently dropped.
 */
export default fp(
  async (fastify) => {
    const coercing = addFormats.default(new Ajv({ ...shared, coerceTypes: 'array' }))
    const strict = addFormats.default(new Ajv({ ...shared, coerceTypes: false }))
    fastify.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema))
    // a text/plain body is never what a route here expects: answer 415, not a confusing 400
    fastify.removeContentTypeParser('text/plain')
  },
  { name: 'validation' },
)
