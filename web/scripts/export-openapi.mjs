#!/usr/bin/env node
// Writes the server's OpenAPI document to web/src/api/openapi.json and the console's types for
// it to web/src/api/schema.d.ts, from the compiled server in dist/ (run `npm run build:server`
// first). Nest's preview mode builds the module graph without instantiating providers, so no
// database, Redis or listening port is needed. A contract change thus changes the types, and a
// console that no longer fits the contract fails `tsc`.
import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const documentFile = resolve(root, 'web/src/api/openapi.json');
const typesFile = resolve(root, 'web/src/api/schema.d.ts');
const load = (path) => import(pathToFileURL(resolve(root, 'dist/src', path)).href);

const { AppModule } = await load('app.module.js');
const { loadConfig } = await load('config/app-config.js');
const { buildOpenApiDocument } = await load('openapi.js');

const app = await NestFactory.create(AppModule.forRoot(loadConfig()), new FastifyAdapter(), {
  preview: true,
  logger: false,
  abortOnError: false,
});
// The very document the server serves at /docs-json.
const document = buildOpenApiDocument(app);
await app.close();

await mkdir(dirname(documentFile), { recursive: true });
await writeFile(documentFile, `${JSON.stringify(document, null, 2)}\n`);

// Files (`format: binary`) are Blobs in the browser; defaults do not make request fields required.
const BLOB = ts.factory.createTypeReferenceNode('Blob');
const NULL = ts.factory.createLiteralTypeNode(ts.factory.createNull());
const types = await openapiTS(structuredClone(document), {
  defaultNonNullable: false,
  transform: (schema) => (schema.format === 'binary' ? (schema.nullable ? ts.factory.createUnionTypeNode([BLOB, NULL]) : BLOB) : undefined),
});
await writeFile(typesFile, `/** Generated from openapi.json by web/scripts/export-openapi.mjs; do not edit. */\n${astToString(types)}`);
const relative = (file) => file.slice(root.length + 1);
console.log(`OpenAPI document (${Object.keys(document.paths).length} paths) written to ${relative(documentFile)}, types to ${relative(typesFile)}`);
