/* test-rule-families.c — the rule families that read frames of model
 * libraries, library messages, file loading, names and stage keywords,
 * on examples written here
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-classifier.h"
#include "classify-test-util.h"

#define RULE "---------------------------------------------------------------------------\n"
#define SITE "File /opt/conda/lib/python3.10/site-packages/"

static AtlasClassifier *classifier;

/* The label of @dimension for the one crash of a one-cell notebook. */
static char *
label_of (const TestCell *cell,
          AtlasDimension  dimension)
{
  g_autoptr(AtlasNotebook) notebook = make_notebook (cell, 1);
  AtlasCrash *crash = first_crash (notebook);
  const char *label;

  atlas_classifier_classify (classifier, notebook, crash);
  label = atlas_crash_get_label_id (crash, dimension);
  g_test_message ("%s: %s (%s)", cell->evalue, label,
                  atlas_crash_get_classification (crash)->evidence[dimension]);
  /* The library label belongs to the crash, which goes with the notebook. */
  return g_strdup (label);
}

/* A traceback: the crashing line, then library frames "package/file.py:N, in f". */
static char *
traceback_of (const char *ename,
              const char *evalue,
              const char *line,
              const char *frames)
{
  return g_strdup_printf (RULE "%s    Traceback (most recent call last)\nCell In[9], line 2\n"
                          "      1 # step\n----> 2 %s\n\n%s\n%s: %s",
                          ename, line, frames ? frames : "", ename, evalue);
}

static void
assert_label (const char     *ename,
              const char     *evalue,
              const char     *line,
              const char     *frames,
              AtlasDimension  dimension,
              const char     *want)
{
  g_autofree char *tb = traceback_of (ename, evalue, line, frames);
  g_autofree char *source = g_strdup_printf ("# step\n%s", line);
  const TestCell cell = { source, 9, ename, evalue, tb };
  g_autofree char *label = label_of (&cell, dimension);

  g_assert_cmpstr (label, ==, want);
}

/* A transformers or torchvision model runs on torch: the model library is
 * the one the notebook used, not the framework frames under it. */
static void
test_model_library_frames (void)
{
  const char *hf_frames =
    SITE "transformers/models/bert/modeling_bert.py:1012, in BertModel.forward(self, input_ids)\n"
    SITE "torch/nn/modules/module.py:1501, in Module._call_impl(self, *args)\n"
    SITE "torch/nn/functional.py:2210, in embedding(input, weight)\n";
  const char *vision_frames =
    SITE "torch/nn/modules/module.py:1501, in Module._call_impl(self, *args)\n"
    SITE "torchvision/models/vgg.py:66, in VGG.forward(self, x)\n"
    SITE "torch/nn/modules/conv.py:459, in Conv2d._conv_forward(self, input)\n";
  const char *torch_frames =
    SITE "torch/nn/modules/module.py:1501, in Module._call_impl(self, *args)\n"
    SITE "torch/nn/modules/linear.py:114, in Linear.forward(self, input)\n";

  assert_label ("IndexError", "index out of range in self", "out = encoder(ids)", hf_frames,
                ATLAS_DIMENSION_LIBRARY, "transformers");
  assert_label ("RuntimeError", "Given groups=1, weight of size [64, 3, 3, 3], expected input[8, 1, 32, 32] "
                "to have 3 channels, but got 1 channels instead", "logits = backbone(batch)", vision_frames,
                ATLAS_DIMENSION_LIBRARY, "torchvision");
  assert_label ("RuntimeError", "mat1 and mat2 shapes cannot be multiplied (8x20 and 10x2)",
                "logits = head(batch)", torch_frames, ATLAS_DIMENSION_LIBRARY, "torch");
}

/* NumPy's index message on the Axes grid of plt.subplots is matplotlib's;
 * unpacking Keras' evaluate() into the wrong number of names is Keras'. */
static void
test_grid_and_evaluate (void)
{
  assert_label ("IndexError", "index 4 is out of bounds for axis 0 with size 4", "panel = axs[k]", NULL,
                ATLAS_DIMENSION_LIBRARY, "matplotlib");
  assert_label ("IndexError", "index 4 is out of bounds for axis 0 with size 4", "cell = grid[k]", NULL,
                ATLAS_DIMENSION_LIBRARY, "numpy");
  assert_label ("ValueError", "too many values to unpack (expected 2)", "loss, acc = net.evaluate(X_te, y_te)", NULL,
                ATLAS_DIMENSION_LIBRARY, "keras");
}

/* torch's view()/reshape() message, raised in compiled code with no frame. */
static void
test_torch_view_message (void)
{
  assert_label ("RuntimeError", "shape '[16, 3]' is invalid for input of size 40", "flat = feats.view(16, 3)",
                NULL, ATLAS_DIMENSION_LIBRARY, "torch");
}

/* PEP 562: a package's module __getattr__ only reports the missing name. */
static void
test_module_getattr_typo (void)
{
  const char *frames =
    SITE "numpy/__init__.py:320, in __getattr__(attr)\n"
    "    319     return Tester\n--> 320 raise AttributeError(\"module {!r} has no attribute \"\n";

  assert_label ("AttributeError", "module 'numpy' has no attribute 'arrray'", "v = np.arrray([1, 2])", frames,
                ATLAS_DIMENSION_LIBRARY, "none");
}

/* Root causes: a plotting call refusing its values is about the data; a
 * best-known name of a package misspelt is a typo; a missing module
 * attribute that is not such a name stays a misunderstanding of the API,
 * unless it is a class (moved or removed by the library); an estimator
 * that is not fitted yet is a fitting cell that did not run. */
static void
test_root_causes (void)
{
  const char *plt_frames = SITE "matplotlib/image.py:706, in _ImageBase.set_data(self, A)\n";

  assert_label ("TypeError", "Invalid shape (3,) for image data", "plt.imshow(pixels[0])", plt_frames,
                ATLAS_DIMENSION_ROOT_CAUSE, "DATA");
  assert_label ("AttributeError", "module 'pandas' has no attribute 'Dataframe'", "out = pd.Dataframe(rows)", NULL,
                ATLAS_DIMENSION_ROOT_CAUSE, "IMPL");
  assert_label ("AttributeError", "module 'pandas' has no attribute 'ewma'", "smooth = pd.ewma(prices, 5)", NULL,
                ATLAS_DIMENSION_ROOT_CAUSE, "API");
  /* A class gone from its module: the library's API changed. */
  assert_label ("AttributeError", "module 'sklearn.preprocessing' has no attribute 'Imputer'",
                "imp = preprocessing.Imputer(strategy='mean')", NULL, ATLAS_DIMENSION_ROOT_CAUSE, "LIB");
  /* In a lone traceback, a missing matrix or label list comes from a
   * pipeline cell that did not run; a missing helper is the code's. */
  assert_label ("NameError", "name 'D' is not defined", "emb = TSNE(n_components=2).fit_transform(D)", NULL,
                ATLAS_DIMENSION_ROOT_CAUSE, "NB");
  assert_label ("NameError", "name 'class_names' is not defined", "print(class_names[guess])", NULL,
                ATLAS_DIMENSION_ROOT_CAUSE, "NB");
  assert_label ("NameError", "name 'offset' is not defined", "print(stamps[0] + offset)", NULL,
                ATLAS_DIMENSION_ROOT_CAUSE, "IMPL");
  /* A model used before the cell that fits it ran. */
  assert_label ("NotFittedError", "This LinearSVC instance is not fitted yet. Call 'fit' with appropriate "
                "arguments before using this estimator.", "guesses = svm.predict(X_va)", NULL,
                ATLAS_DIMENSION_ROOT_CAUSE, "NB");
}

/* Python names the function in its argument errors: a scikit-learn metric
 * wrapped in a plotting call is still scikit-learn's. */
static void
test_sklearn_function_arguments (void)
{
  assert_label ("TypeError", "f1_score() got an unexpected keyword argument 'label'",
                "sns.barplot(x=names, y=[f1_score(y_va, p, label=1) for p in preds])", NULL,
                ATLAS_DIMENSION_LIBRARY, "sklearn");
}

/* OpenCV asserting that its input is empty: the image was never read. */
static void
test_opencv_empty_input (void)
{
  assert_label ("error", "OpenCV(4.6.0) /io/opencv/modules/imgproc/src/resize.cpp:4052: error: "
                "(-215:Assertion failed) !ssize.empty() in function 'resize'",
                "small = cv2.resize(photo, (64, 64))", NULL, ATLAS_DIMENSION_LIBRARY, "none");
  assert_label ("error", "OpenCV(4.6.0) /io/opencv/modules/imgproc/src/resize.cpp:4052: error: "
                "(-215:Assertion failed) !ssize.empty() in function 'resize'",
                "small = cv2.resize(photo, (64, 64))", NULL, ATLAS_DIMENSION_ROOT_CAUSE, "ENV");
  assert_label ("error", "OpenCV(4.6.0) /io/opencv/modules/core/src/arithm.cpp:647: error: "
                "(-209:Sizes of input arguments do not match) The operation is neither 'array op array' "
                "nor 'array op scalar'", "blend = cv2.add(left, right)", NULL,
                ATLAS_DIMENSION_LIBRARY, "cv2");
}

/* The crashing line removes the column the KeyError names: the cell ran a
 * second time. No library is at fault, and the data code is ML code. */
static void
test_key_removed_on_same_line (void)
{
  const char *frames =
    SITE "pandas/core/reshape/encoding.py:146, in get_dummies(data, prefix, columns)\n"
    SITE "pandas/core/frame.py:3813, in DataFrame.__getitem__(self, key)\n";
  const char *evalue = "\"None of [Index(['city'], dtype='object')] are in the [columns]\"";
  const char *line = "shops = pd.get_dummies(shops, columns=['city'])";

  assert_label ("KeyError", evalue, line, frames, ATLAS_DIMENSION_ROOT_CAUSE, "NB");
  assert_label ("KeyError", evalue, line, frames, ATLAS_DIMENSION_LIBRARY, "none");
  assert_label ("KeyError", evalue, line, frames, ATLAS_DIMENSION_ML_BUG, "ML");
}

/* A model file an ML library fails to load is an ML bug; a plain open() of
 * a text file is not. */
static void
test_model_file_loading (void)
{
  const char *keras_frames =
    SITE "keras/saving/save.py:206, in load_model(filepath, custom_objects)\n"
    "--> 206 raise IOError(f'No file or directory found at {filepath_str}')\n";

  assert_label ("OSError", "No file or directory found at checkpoints/best.h5",
                "net = load_model('checkpoints/best.h5')", keras_frames, ATLAS_DIMENSION_ML_BUG, "ML");
  assert_label ("FileNotFoundError", "[Errno 2] No such file or directory: 'notes.txt'",
                "text = open('notes.txt').read()", NULL, ATLAS_DIMENSION_ML_BUG, "PY");
}

/* ML objects by their class names, models that pickle cannot serialise,
 * ML packages' modules; a refused thread is the machine's, not a library's. */
static void
test_ml_objects (void)
{
  assert_label ("AttributeError", "'ImageDataset' object has no attribute 'classes_'", "names = ds.classes_", NULL,
                ATLAS_DIMENSION_ML_BUG, "ML");
  assert_label ("AttributeError", "'Invoice' object has no attribute 'total_'", "due = bill.total_", NULL,
                ATLAS_DIMENSION_ML_BUG, "PY");
  assert_label ("TypeError", "cannot pickle '_thread.RLock' object", "pickle.dump(best_model, fh)", NULL,
                ATLAS_DIMENSION_ML_BUG, "ML");
  assert_label ("AttributeError", "module 'gymnasium.wrappers' has no attribute 'Monitor'",
                "env = gymnasium.wrappers.Monitor(env, 'runs')", NULL, ATLAS_DIMENSION_ML_BUG, "ML");
  assert_label ("RuntimeError", "can't start new thread", "pool = ThreadPool(64)",
                SITE "numpy/core/fromnumeric.py:59, in _wrapfunc(obj, method)\n", ATLAS_DIMENSION_LIBRARY, "none");
  assert_label ("RuntimeError", "can't start new thread", "pool = ThreadPool(64)",
                SITE "numpy/core/fromnumeric.py:59, in _wrapfunc(obj, method)\n", ATLAS_DIMENSION_ML_BUG, "PY");
  assert_label ("TypeError", "can't convert np.ndarray of type numpy.object_. The only supported types are: "
                "float64, float32", "t = as_tensor(batch)", NULL, ATLAS_DIMENSION_LIBRARY, "torch");
}

/* Names: an ML library's class is a missing import of that library; a path
 * or a file name is a plain string; plotting alone
 * does not make a missing value ML data. */
static void
test_missing_names (void)
{
  assert_label ("NameError", "name 'MinMaxScaler' is not defined", "scaler = MinMaxScaler()", NULL,
                ATLAS_DIMENSION_ML_BUG, "ML");
  assert_label ("NameError", "name 'imread' is not defined", "img = imread(path)", NULL,
                ATLAS_DIMENSION_ML_BUG, "ML");
  assert_label ("NameError", "name 'export_dir' is not defined", "files = sorted(os.listdir(export_dir))", NULL,
                ATLAS_DIMENSION_ML_BUG, "PY");
  assert_label ("AttributeError", "'dict' object has no attribute 'groupby'", "totals = counts.groupby('k')", NULL,
                ATLAS_DIMENSION_ML_BUG, "PY");
  /* The crashing line first, then the rest of the cell. */
  assert_label ("NameError", "name 'bar_heights' is not defined",
                "top = max(bar_heights)\nplt.bar(range(3), bar_heights)", NULL, ATLAS_DIMENSION_ML_BUG, "PY");
  /* A cell that also calls numpy does not make a missing plain name an ML
   * bug (issue 21.4). */
  assert_label ("NameError", "name 'bar_heights' is not defined",
                "top = max(bar_heights)\nsteps = np.cumsum(top)", NULL, ATLAS_DIMENSION_ML_BUG, "PY");
}

/* Stage keywords match whole words; OpenCV image calls prepare data; a
 * failure inside a deep learning framework with no other sign is training;
 * text generation is prediction; scores on the training set are training;
 * inspecting data is exploration; cross-validation folds are training;
 * a cell that draws bars is visualisation; a cell that fits and scores, or
 * builds and fits, a model is training, as is a cell that calls the
 * notebook's own training function; IPython's display shows data. */
static void
test_stage_keywords (void)
{
  const char *torch_frames =
    SITE "torch/autograd/__init__.py:200, in backward(tensors, grad_tensors)\n";

  assert_label ("NameError", "name 'out_folder' is not defined", "copy_images(out_folder)", NULL,
                ATLAS_DIMENSION_STAGE, "DATAP");
  assert_label ("ValueError", "bad option", "fig = stats_plot(sample, fit=True)", NULL,
                ATLAS_DIMENSION_STAGE, "DATAV");
  assert_label ("TypeError", "Expected Ptr<cv::Mat> for argument 'img'",
                "boxed = cv2.rectangle(frame, p1, p2, (0, 255, 0))", NULL, ATLAS_DIMENSION_STAGE, "DATAP");
  assert_label ("RuntimeError", "element 0 of tensors does not require grad and does not have a grad_fn",
                "total.backward()", torch_frames, ATLAS_DIMENSION_STAGE, "TRAIN");
  assert_label ("RuntimeError", "element 0 of tensors does not require grad and does not have a grad_fn",
                "x = total", torch_frames, ATLAS_DIMENSION_STAGE, "TRAIN");
  assert_label ("RuntimeError", "CUDA out of memory. Tried to allocate 2.00 GiB", "story = write_story(prompt)",
                SITE "transformers/generation/utils.py:1520, in GenerationMixin.generate(self, inputs)\n"
                SITE "torch/nn/modules/module.py:1501, in Module._call_impl(self, *args)\n",
                ATLAS_DIMENSION_STAGE, "EVAL");
  assert_label ("KeyError", "'age'", "people['age'].value_counts()", NULL, ATLAS_DIMENSION_STAGE, "DATAV");
  /* The crashing line first, then the rest of the cell. */
  assert_label ("KeyError", "'age'", "part = people.iloc[tr_rows]['age']\n"
                "for fold, (tr_rows, va_rows) in enumerate(StratifiedKFold(5).split(people, y)):", NULL,
                ATLAS_DIMENSION_STAGE, "TRAIN");
  assert_label ("TypeError", "score() missing 1 required positional argument: 'y'", "print(reg.score(X_va))\n"
                "reg = reg.fit(X_tr, y_tr)", NULL, ATLAS_DIMENSION_STAGE, "TRAIN");
  assert_label ("TypeError", "score() missing 1 required positional argument: 'y'", "print(reg.score(X_va))",
                NULL, ATLAS_DIMENSION_STAGE, "EVAL");
  assert_label ("NameError", "name 'GradientBoostingRegressor' is not defined",
                "gbr = GradientBoostingRegressor(n_estimators=50)\ngbr.fit(X_tr, y_tr)", NULL,
                ATLAS_DIMENSION_STAGE, "TRAIN");
  assert_label ("KeyError", "'close'", "series = quotes['close']\nhist = train_forecaster(series, epochs=3)", NULL,
                ATLAS_DIMENSION_STAGE, "TRAIN");
  assert_label ("KeyError", "'close'", "series = quotes['close']\nparts = train_test_split(series)", NULL,
                ATLAS_DIMENSION_STAGE, "DATAP");
  assert_label ("FileNotFoundError", "[Errno 2] No such file or directory: 'out/pred_07.png'",
                "with open(self.filename, 'rb') as f:",
                SITE "IPython/core/display.py:327, in DisplayObject.reload(self)\n",
                ATLAS_DIMENSION_STAGE, "DATAV");
  assert_label ("NameError", "name 'ticks' is not defined", "spots = [t * 2 for t in ticks]\n"
                "plt.bar(spots, counts)", NULL, ATLAS_DIMENSION_STAGE, "DATAV");
  assert_label ("KeyError", "'age'", "people['age'].astype(int)", NULL, ATLAS_DIMENSION_STAGE, "DATAP");
  assert_label ("ValueError", "could not broadcast input array from shape (50,2) into shape (50,1)",
                "fitted[:, 0] = trainPreds", NULL, ATLAS_DIMENSION_STAGE, "TRAIN");
  assert_label ("ValueError", "could not broadcast input array from shape (50,2) into shape (50,1)",
                "fitted[:, 0] = testPreds", NULL, ATLAS_DIMENSION_STAGE, "EVAL");
  /* Defining a loss or metric object is model construction; calling a
   * metric on predictions is evaluation. */
  assert_label ("NameError", "name 'tf' is not defined", "bce = tf.keras.losses.BinaryCrossentropy()", NULL,
                ATLAS_DIMENSION_STAGE, "MCONS");
  assert_label ("NameError", "name 'nn' is not defined", "criterion = nn.CrossEntropyLoss()", NULL,
                ATLAS_DIMENSION_STAGE, "MCONS");
  assert_label ("NameError", "name 'y_va' is not defined", "f1 = metrics.f1_score(y_va, guesses)", NULL,
                ATLAS_DIMENSION_STAGE, "EVAL");
  /* Explaining a model's predictions is evaluation, even when saving them. */
  assert_label ("NameError", "name 'shap_vals' is not defined", "pickle.dump(shap_vals, out_file)", NULL,
                ATLAS_DIMENSION_STAGE, "EVAL");
  assert_label ("NameError", "name 'rows' is not defined", "pickle.dump(rows, out_file)", NULL,
                ATLAS_DIMENSION_STAGE, "DATAP");
  /* A model loaded to be evaluated; loaded alone, it is being built. */
  assert_label ("OSError", "No file or directory found at models/cnn.h5",
                "net = load_model('models/cnn.h5')\nprint(net.evaluate(X_va, y_va))", NULL,
                ATLAS_DIMENSION_STAGE, "EVAL");
  assert_label ("OSError", "No file or directory found at models/cnn.h5", "net = load_model('models/cnn.h5')", NULL,
                ATLAS_DIMENSION_STAGE, "MCONS");
  /* Preparing values in a cell that handles predictions is evaluation. */
  assert_label ("NameError", "name 'torch' is not defined", "X_te_t = torch.tensor(X_te)\n"
                "predictions = net(X_te_t)", NULL, ATLAS_DIMENSION_STAGE, "EVAL");
  assert_label ("NameError", "name 'torch' is not defined", "X_te_t = torch.tensor(X_te)\n"
                "batches = loader(X_te_t)", NULL, ATLAS_DIMENSION_STAGE, "DATAP");
  /* Statistical models are fitted as they are built. */
  assert_label ("NameError", "name 'sales' is not defined", "arima = SARIMAX(sales, order=(1, 1, 1))", NULL,
                ATLAS_DIMENSION_STAGE, "TRAIN");
  /* A cell plotting losses shows results, unless it also trains. */
  assert_label ("TypeError", "'float' object cannot be interpreted as an integer",
                "ticks = [t for t in range(0, 1, 0.1)]\nplt.plot(epoch_ids, val_losses)\nplt.yticks(ticks)", NULL,
                ATLAS_DIMENSION_STAGE, "EVAL");
  assert_label ("TypeError", "'float' object cannot be interpreted as an integer",
                "ticks = [t for t in range(0, 1, 0.1)]\nhist = net.fit(X_tr, y_tr, epochs=5)\n"
                "plt.plot(hist.history['loss'])\nplt.yticks(ticks)", NULL, ATLAS_DIMENSION_STAGE, "TRAIN");
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  classifier = atlas_classifier_new ();

  g_test_add_func ("/Atlas/RuleFamilies/library/model-library-frames", test_model_library_frames);
  g_test_add_func ("/Atlas/RuleFamilies/library/torch-view-message", test_torch_view_message);
  g_test_add_func ("/Atlas/RuleFamilies/library/grid-and-evaluate", test_grid_and_evaluate);
  g_test_add_func ("/Atlas/RuleFamilies/library/module-getattr-typo", test_module_getattr_typo);
  g_test_add_func ("/Atlas/RuleFamilies/library/sklearn-function-arguments", test_sklearn_function_arguments);
  g_test_add_func ("/Atlas/RuleFamilies/library/opencv-empty-input", test_opencv_empty_input);
  g_test_add_func ("/Atlas/RuleFamilies/key-removed-on-same-line", test_key_removed_on_same_line);
  g_test_add_func ("/Atlas/RuleFamilies/root-cause/plots-and-typos", test_root_causes);
  g_test_add_func ("/Atlas/RuleFamilies/ml-bug/model-file-loading", test_model_file_loading);
  g_test_add_func ("/Atlas/RuleFamilies/ml-bug/missing-names", test_missing_names);
  g_test_add_func ("/Atlas/RuleFamilies/ml-bug/ml-objects", test_ml_objects);
  g_test_add_func ("/Atlas/RuleFamilies/stage/keywords", test_stage_keywords);

  status = g_test_run ();
  g_object_unref (classifier);
  return status;
}
