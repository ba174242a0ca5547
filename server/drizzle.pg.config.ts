import { defineConfig } from 'drizzle-kit'

// Both engines' migrations come from one definition (src/db/schema/definition.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/pg.ts',
  out: './drizzle/pg',
})
