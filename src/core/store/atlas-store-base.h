/* atlas-store-base.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What every part of the store shares, below all of them (atlas-store.h
 * includes it): the error domain, the file's identity and schema version,
 * the ways to open it. */

#define ATLAS_STORE_ERROR (atlas_store_error_quark ())

typedef enum
{
  ATLAS_STORE_ERROR_NOT_A_CORPUS = 1,  /* not SQLite, or SQLite of another application */
  ATLAS_STORE_ERROR_CORRUPT,           /* a corpus file that fails its checks */
  ATLAS_STORE_ERROR_TOO_NEW,           /* written by a newer Crash Atlas */
  ATLAS_STORE_ERROR_DISK_FULL,         /* nothing committed is lost */
  ATLAS_STORE_ERROR_BUSY,              /* another process held the file too long */
  ATLAS_STORE_ERROR_NOT_FOUND,         /* no such notebook in the corpus */
  ATLAS_STORE_ERROR_FAILED,            /* any other SQLite or I/O error */
  ATLAS_STORE_ERROR_READ_ONLY,         /* a write to a store opened read-only */
} AtlasStoreError;

GQuark atlas_store_error_quark (void);

/* "CrAt": PRAGMA application_id of every corpus file. */
#define ATLAS_STORE_APPLICATION_ID 0x43724174
/* PRAGMA user_version this code writes; older files are migrated on open. */
#define ATLAS_STORE_SCHEMA_VERSION 5

/* How atlas_store_open_full() opens a file. */
typedef enum
{
  ATLAS_STORE_OPEN_CREATE    = 1 << 0,  /* create @path when missing (or empty: 0 bytes) */
  ATLAS_STORE_OPEN_READ_ONLY = 1 << 1,  /* never write: no schema, no WAL, no lock files where
                                         * the file cannot be written (a read-only mount) */
  ATLAS_STORE_OPEN_RESCUE    = 1 << 2,  /* read-only, and a damaged file is opened anyway: what
                                         * is intact can be read, see atlas_store_dup_problems() */
} AtlasStoreOpenFlags;

G_END_DECLS
