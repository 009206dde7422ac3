/* test-paced-model.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-paced-model.h"

/* What a list view sees: a mirror kept from items-changed alone. */
typedef struct
{
  GPtrArray *mirror;
  guint      most_added_in_head;   /* largest addition inside the first 320 rows */
} View;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  View       *view)
{
  g_assert_cmpuint (position + removed, <=, view->mirror->len);
  g_ptr_array_remove_range (view->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (view->mirror, position + i, g_list_model_get_item (model, position + i));
  if (position < 320)
    view->most_added_in_head = MAX (view->most_added_in_head, MIN (added, 320 - position));
  g_assert_cmpuint (view->mirror->len, ==, g_list_model_get_n_items (model));
  /* A list view tells rows apart by their item: never the same one twice. */
  {
    g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

    for (guint i = 0; i < view->mirror->len; i++)
      g_assert_true (g_hash_table_add (seen, view->mirror->pdata[i]));
  }
}

static void
assert_same (GListModel *a,
             GPtrArray  *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, b->len);
  for (guint i = 0; i < b->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (a, i);

      g_assert_true (item == b->pdata[i]);
    }
}

static void
settle (AtlasPacedModel *paced)
{
  while (atlas_paced_model_get_pending (paced))
    g_main_context_iteration (NULL, TRUE);
}

static GPtrArray *
store_items (GListStore *store)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (store), i));
  return items;
}

static void
splice_new (GListStore *store,
            guint       position,
            guint       removed,
            guint       added)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < added; i++)
    g_ptr_array_add (items, g_object_new (G_TYPE_OBJECT, NULL));
  g_list_store_splice (store, position, removed, items->pdata, added);
}

/* The same items in another order, as a new filter or sort gives them. */
static void
shuffle (GListStore *store,
         GRand      *rand)
{
  g_autoptr(GPtrArray) items = store_items (store);

  for (guint i = items->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer t = items->pdata[i - 1];

      items->pdata[i - 1] = items->pdata[j];
      items->pdata[j] = t;
    }
  g_list_store_splice (store, 0, items->len, items->pdata, items->len);
}

/* Big and small changes anywhere, settled or not in between: the view ends
 * up with the model's items, and never gets more than a step of new rows
 * at once among the first ones. */
static void
test_paced_follows (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(AtlasPacedModel) paced = atlas_paced_model_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  View view = { g_ptr_array_new_with_free_func (g_object_unref), 0 };

  g_signal_connect (paced, "items-changed", G_CALLBACK (items_changed_cb), &view);
  splice_new (store, 0, 0, 5000);
  atlas_paced_model_set_model (paced, G_LIST_MODEL (store));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paced)), <=, 32);
  g_assert_true (atlas_paced_model_get_pending (paced));
  settle (paced);
  {
    g_autoptr(GPtrArray) items = store_items (store);

    assert_same (G_LIST_MODEL (paced), items);
  }
  for (guint round = 0; round < 60; round++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
      guint position = g_rand_int_range (rand, 0, n + 1);
      guint removed = g_rand_int_range (rand, 0, n - position + 1);
      guint added = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 40) : g_rand_int_range (rand, 0, 3000);

      if (round % 3 == 0)
        shuffle (store, rand);
      else
        splice_new (store, position, removed, added);
      if (g_rand_boolean (rand))
        {
          g_autoptr(GPtrArray) items = NULL;

          settle (paced);
          items = store_items (store);
          assert_same (G_LIST_MODEL (paced), items);
        }
      assert_same (G_LIST_MODEL (paced), view.mirror);
    }
  settle (paced);
  {
    g_autoptr(GPtrArray) items = store_items (store);

    assert_same (G_LIST_MODEL (paced), items);
    assert_same (G_LIST_MODEL (paced), view.mirror);
  }
  g_assert_cmpuint (view.most_added_in_head, <=, 32);
  g_assert_cmpuint (view.most_added_in_head, >, 0);

  atlas_paced_model_set_model (paced, NULL);
  g_assert_cmpuint (view.mirror->len, ==, 0);
  g_ptr_array_unref (view.mirror);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Atlas/App/paced-model/follows", test_paced_follows);
  return g_test_run ();
}
