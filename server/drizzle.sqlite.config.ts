import { defineConfig } from 'drizzle-kit'

// Both engines' migrations come from one definition (src/db/schema/definition.ts).
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema/sqlite.ts',
  out: './drizzle/sqlite',
})
