"""Crashes shaped like the study's: every message different.

The study's 92,542 messages are as varied as the code that raised them: the
missing name, the column, the shapes, the path and the numbers change from
one notebook to the next, and a traceback runs through a few library frames.
Each family below draws its message's variable parts from the notebook's own
random stream, so a thousand crashes carry hundreds of distinct messages, as
real corpora do, and no cache keyed on message text can flatter a scanner.

Families cover every crash type of ../shared/TAXONOMY.md. A family returns
(cell source, Crash); frames come from the demo generator's library frames
(data/demo/demogen/frames.py), padded with the wrapper frames that real
libraries add (decorators, dispatch, validation) to a realistic depth.
"""
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "demo"))

from demogen import frames as fr  # noqa: E402
from demogen.traceback import CHAINED, Crash, Frame as F  # noqa: E402

WORDS = ["age", "fare", "price", "sales", "income", "score", "label", "target", "city", "region", "date",
         "amount", "rating", "weight", "height", "clicks", "revenue", "churn", "tenure", "gender", "class",
         "count", "value", "text", "review", "temp", "humidity", "speed", "volume", "open", "close", "id"]
VARS = ["df", "data", "train", "test", "X", "y", "X_train", "y_train", "X_test", "y_test", "preds", "model",
        "clf", "scaler", "encoder", "history", "features", "labels", "train_df", "test_df", "sub", "net",
        "loader", "dataset", "vectorizer", "tokenizer", "embeddings", "scores", "results", "pipeline"]
FUNCS = ["preprocess", "clean_text", "plot_history", "evaluate", "train_model", "build_model", "load_data",
         "make_features", "encode", "tokenize", "predict_all", "get_scores", "show_images", "split_data"]
MODULES = ["xgboost", "lightgbm", "catboost", "transformers", "plotly", "wordcloud", "tensorflow_hub",
           "imblearn", "optuna", "shap", "timm", "albumentations", "category_encoders", "pyspark",
           "geopandas", "folium", "keras_tuner", "sentence_transformers", "missingno", "yellowbrick"]
FILES = ["train.csv", "test.csv", "data.csv", "labels.json", "model.h5", "weights.pt", "images/", "sales.xlsx",
         "config.yaml", "submission.csv", "glove.6B.100d.txt", "dataset.zip", "features.parquet"]
DIRS = ["../input/", "/kaggle/input/", "data/", "./", "/content/drive/MyDrive/", "C:\\Users\\me\\Desktop\\",
        "/home/user/projects/", "../data/raw/"]


def _col(rng):
    return rng.choice(WORDS) + rng.choice(["", "_" + rng.choice(WORDS), str(rng.randrange(10))])


def _var(rng):
    return rng.choice(VARS) + rng.choice(["", "", str(rng.randrange(1, 5)), "_" + rng.choice(WORDS)])


def _shape(rng, dims=None):
    dims = dims or rng.choice([1, 2, 2, 3, 4])
    return tuple(rng.choice([1, 3, 8, 10, 16, 28, 32, 64, 100, 128, 224, 256, 512, 784, 1000, 891, 1460,
                             rng.randrange(2, 5000)]) for _ in range(dims))


def _shp(s):
    return "(" + ", ".join(map(str, s)) + ("," if len(s) == 1 else "") + ")"


def _pad(rng, frames):
    """Wrapper frames in front of the raising frames: decorators, dispatch."""
    extra = [fr._wrapper(), fr.keras_error_handler()[0], fr.torch_call_impl(),
             F("numpy/core/fromnumeric.py", 57, "_wrapfunc", "(obj, method, *args, **kwds)",
               "    return bound(*args, **kwds)"),
             F("pandas/core/generic.py", 6240, "NDFrame.astype", "(self, dtype, copy, errors)",
               "new_data = self._mgr.astype(dtype=dtype, copy=copy, errors=errors)")]
    lib = frames[0].path.split("/")[0] if frames else None
    same = [f for f in extra if f.path.split("/")[0] == lib]
    for _ in range(rng.choice([0, 0, 1, 1, 2, 3]) if same else 0):
        frames = [rng.choice(same)] + frames
    return frames


def name_error(rng):
    v = _var(rng)
    return f"{v}.head()" if rng.random() < 0.5 else f"print({v})", Crash("NameError", f"name '{v}' is not defined", 1)


def func_name_error(rng):
    f = rng.choice(FUNCS) + rng.choice(["", "_v2", "s"])
    return f"out = {f}({_var(rng)})", Crash("NameError", f"name '{f}' is not defined", 1)


def module_missing(rng):
    m = rng.choice(MODULES)
    return f"import {m}", Crash("ModuleNotFoundError", f"No module named '{m}'", 1)


def import_error(rng):
    name, mod = rng.choice([("Imputer", "sklearn.preprocessing"), ("joblib", "sklearn.externals"),
                            ("plot_confusion_matrix", "sklearn.metrics"), ("np_utils", "keras.utils"),
                            ("to_categorical", "keras.utils"), ("Adam", "keras.optimizers"),
                            ("cross_validation", "sklearn"), ("Sequential", "keras.models")])
    return f"from {mod} import {name}", Crash("ImportError", f"cannot import name '{name}' from '{mod}' "
                                                            f"(/opt/conda/lib/python3.{rng.randrange(7, 11)}/site-packages/"
                                                            f"{mod.replace('.', '/')}/__init__.py)", 1)


def column_key(rng):
    c = _col(rng)
    v = rng.choice(["df", "train", "data", "test_df"])
    outer, chain = fr.pandas_column_key(c)
    return f"{v}['{c}'].value_counts()", Crash("KeyError", repr(c), 1, outer, chain=chain)


def columns_missing(rng):
    cols = [_col(rng) for _ in range(rng.randint(1, 3))]
    return (f"df[{cols!r}]", Crash("KeyError", f"\"None of [Index({cols!r}, dtype='object')] are in the [columns]\"",
                                   1, fr.pandas_columns_missing()))


def dict_key(rng):
    k = rng.choice([_col(rng), rng.randrange(1000)])
    return f"value = config[{k!r}]", Crash("KeyError", repr(k), 1)


def attr_error(rng):
    owner, attr = rng.choice([("DataFrame", "ix"), ("DataFrame", "append"), ("DataFrame", "as_matrix"),
                              ("Series", "reshape"), ("Series", "_".join([rng.choice(WORDS)])),
                              ("DataFrame", rng.choice(WORDS)), ("numpy.ndarray", "values"),
                              ("list", "shape"), ("str", "decode"), ("NoneType", rng.choice(WORDS)),
                              ("Sequential", "predict_classes"), ("Tensor", "numpy"), ("dict", "iteritems")])
    frames = fr.pandas_getattr() if owner in ("DataFrame", "Series") else []
    return f"{_var(rng)}.{attr}", Crash("AttributeError", f"'{owner}' object has no attribute '{attr}'", 1, frames)


def index_error(rng):
    n = rng.randrange(1, 5000)
    kind = rng.random()
    if kind < 0.4:
        return f"x = {_var(rng)}[{n}]", Crash("IndexError", "list index out of range", 1)
    if kind < 0.7:
        return (f"row = arr[{n}]", Crash("IndexError", f"index {n} is out of bounds for axis 0 with size {n // 2 + 1}", 1))
    return f"last = df.iloc[{n}]", Crash("IndexError", "single positional indexer is out-of-bounds", 1,
                                          fr.pandas_iloc_out_of_bounds())


def axis_error(rng):
    a, d = rng.randrange(1, 4), rng.randrange(1, 3)
    return f"np.concatenate(parts, axis={a})", Crash("AxisError", f"axis {a} is out of bounds for array of dimension {d}",
                                                     1, fr.numpy_concatenate())


def type_error(rng):
    t = rng.choice(["int", "str", "float", "NoneType", "list", "DataFrame", "Series", "tuple", "dict"])
    u = rng.choice(["int", "str", "float", "NoneType", "list"])
    msg = rng.choice([f"'{t}' object is not callable", f"'{t}' object is not subscriptable",
                      f"'{t}' object is not iterable", f"unhashable type: '{t}'",
                      f"unsupported operand type(s) for +: '{t}' and '{u}'",
                      f"can only concatenate str (not \"{u}\") to str",
                      f"'<' not supported between instances of '{t}' and '{u}'"])
    return f"result = {_var(rng)}({_var(rng)})", Crash("TypeError", msg, 1)


def invalid_argument(rng):
    f = rng.choice(["fit", "train_test_split", "read_csv", "plot", "Dense", "compile", "DataFrame", "concat"])
    kw = rng.choice(["epoch", "test_sise", "sep", "colour", "activations", "metric", "axis", "inplace", "n_job"])
    msg = rng.choice([f"{f}() got an unexpected keyword argument '{kw}'",
                      f"{f}() takes {rng.randrange(1, 4)} positional arguments but {rng.randrange(4, 7)} were given",
                      f"{f}() missing 1 required positional argument: '{rng.choice(WORDS)}'"])
    return f"{f}({_var(rng)}, {kw}={rng.randrange(100)})", Crash("TypeError", msg, 1)


def invalid_param(rng):
    p, v = rng.choice([("solver", "'lbfgs2'"), ("kernel", "'rbf2'"), ("criterion", "'entropy2'"),
                       ("n_estimators", str(-rng.randrange(1, 100))), ("max_depth", str(-rng.randrange(1, 9))),
                       ("C", str(-rng.random())[:5])])
    return (f"model.set_params({p}={v})",
            Crash("ValueError", f"Invalid parameter '{p}' for estimator {rng.choice(['SVC', 'LogisticRegression'])}()"
                  f". Valid parameters are: ['C', 'kernel', 'degree', 'gamma'].", 1, fr.sk_grid_invalid_param()))


def cast_error(rng):
    s = rng.choice([f"{rng.randrange(100)}+", "?", "N/A", rng.choice(WORDS), f"{rng.randrange(9)},{rng.randrange(999)}",
                    f"{rng.randrange(1990, 2024)}-{rng.randrange(1, 13):02d}"])
    if rng.random() < 0.5:
        return (f"df['{_col(rng)}'].astype(int)", Crash("ValueError", f"invalid literal for int() with base 10: '{s}'",
                                                        1, fr.pandas_astype_int()))
    return f"x = float({_var(rng)})", Crash("ValueError", f"could not convert string to float: '{s}'", 1)


def string_to_float(rng):
    s = rng.choice(WORDS + ["male", "female", "S", "C", "Q", "yes", "no"])
    path, qual = rng.choice([("sklearn/ensemble/_forest.py", "BaseForest.fit"),
                             ("sklearn/linear_model/_logistic.py", "LogisticRegression.fit"),
                             ("sklearn/svm/_base.py", "BaseLibSVM.fit")])
    return "model.fit(X_train, y_train)", Crash("ValueError", f"could not convert string to float: '{s}'", 1,
                                                _pad(rng, fr.sk_to_float(path, qual)))


def not_finite(rng):
    path, qual = rng.choice([("sklearn/linear_model/_base.py", "LinearRegression.fit"),
                             ("sklearn/ensemble/_forest.py", "BaseForest.fit")])
    dt = rng.choice(["float64", "float32", "dtype('float64')"])
    return "model.fit(X, y)", Crash("ValueError", f"Input contains NaN, infinity or a value too large for {dt}.",
                                    1, fr.sk_not_finite(path, qual))


def inconsistent(rng):
    a = rng.randrange(50, 20000)
    b = a + rng.choice([-1, 1]) * rng.randrange(1, a)
    path, qual = rng.choice([("sklearn/linear_model/_base.py", "LinearRegression.fit"),
                             ("sklearn/tree/_classes.py", "BaseDecisionTree.fit")])
    return "lr.fit(X, y)", Crash("ValueError", f"Found input variables with inconsistent numbers of samples: [{a}, {b}]",
                                 1, _pad(rng, fr.sk_inconsistent(path, qual)))


def tensor_shape(rng):
    b = rng.choice([16, 32, 64, 128, 256])
    i, o = rng.choice([512, 784, 1024, 2048, 4096, 9216]), rng.choice([10, 64, 128, 256, 512])
    if rng.random() < 0.5:
        return "out = net(inputs)", Crash("RuntimeError", f"mat1 and mat2 shapes cannot be multiplied "
                                          f"({b}x{i} and {o}x{rng.randrange(2, 100)})", 1, fr.torch_linear())
    s1, s2 = _shape(rng, rng.choice([2, 3, 4])), _shape(rng, rng.choice([2, 3, 4]))
    return ("model.fit(X_train, y_train)",
            Crash("ValueError", f"Input 0 of layer \"{rng.choice(['dense', 'conv2d', 'lstm', 'sequential'])}_"
                  f"{rng.randrange(1, 9)}\" is incompatible with the layer: expected shape=(None, {s1[-1]}), found "
                  f"shape=(None, {s2[-1]})", 1, fr.keras_fit_autograph()))


def broadcast(rng):
    s1, s2 = _shape(rng), _shape(rng)
    return "w = A * b", Crash("ValueError", f"operands could not be broadcast together with shapes {_shp(s1)} {_shp(s2)} ",
                              1)


def plot_shapes(rng):
    a, b = rng.randrange(2, 500), rng.randrange(2, 500)
    return "plt.plot(x, y)", Crash("ValueError", f"x and y must have same first dimension, but have shapes ({a},) and "
                                   f"({b},)", 1, fr.mpl_plot_shapes())


def unseen_label(rng):
    lab = rng.choice(WORDS)
    return "y_enc = le.transform(y_test)", Crash("ValueError", f"y contains previously unseen labels: ['{lab}']", 1,
                                                 fr.sk_label_unseen())


def feature_names(rng):
    cols = [_col(rng) for _ in range(rng.randint(1, 3))]
    qual = rng.choice(["BaseForest.predict", "LinearModel.predict", "Pipeline.predict"])
    return "preds = model.predict(X_test)", Crash(
        "ValueError", "The feature names should match those that were passed during fit.\nFeature names unseen at "
        "fit time:\n- " + "\n- ".join(cols) + "\n", 1, fr.sk_feature_names(qual))


def not_fitted(rng):
    est = rng.choice(["StandardScaler", "MinMaxScaler", "LabelEncoder", "OneHotEncoder", "RandomForestClassifier",
                      "LogisticRegression", "TfidfVectorizer", "PCA"])
    return f"{_var(rng)} = {est.lower()}.transform(X)", Crash(
        "NotFittedError", f"This {est} instance is not fitted yet. Call 'fit' with appropriate arguments before "
        "using this estimator.", 1, fr.sk_not_fitted("sklearn/preprocessing/_data.py", f"{est}.transform"))


def unbuilt(rng):
    return "model.summary()", Crash("ValueError", "This model has not yet been built. Build the model first by calling "
                                    "`build()` or by calling the model on a batch of data.", 1, fr.keras_summary_unbuilt())


def runtime(rng):
    msg = rng.choice([f"Expected all tensors to be on the same device, but found at least two devices, cuda:"
                      f"{rng.randrange(2)} and cpu!",
                      f"Given groups=1, weight of size [{rng.choice([32, 64])}, {rng.choice([1, 3])}, 3, 3], expected "
                      f"input[{rng.choice([16, 32])}, {rng.choice([1, 4])}, {rng.choice([28, 224])}, "
                      f"{rng.choice([28, 224])}] to have {rng.choice([1, 3])} channels",
                      "Trying to backward through the graph a second time (or directly access saved tensors after "
                      "they have already been freed).",
                      f"Error(s) in loading state_dict for {rng.choice(['Net', 'ResNet', 'Model'])}:\n\tMissing key(s) "
                      f"in state_dict: \"{rng.choice(WORDS)}.weight\"."])
    frames = rng.choice([fr.torch_conv(), fr.torch_backward(), fr.torch_load_state_dict(), [fr.torch_call_impl()]])
    return "loss.backward()", Crash("RuntimeError", msg, 1, frames)


def out_of_memory(rng):
    gb, mib = rng.randrange(1, 40), rng.randrange(20, 9000)
    if rng.random() < 0.5:
        return "out = model(batch)", Crash(
            "OutOfMemoryError", f"CUDA out of memory. Tried to allocate {mib}.00 MiB (GPU 0; {rng.choice([11, 15, 16])}"
            f".{rng.randrange(10)}0 GiB total capacity; {gb}.{rng.randrange(100):02d} GiB already allocated)", 1,
            [fr.torch_call_impl()])
    s = _shape(rng, 2)
    return "m = np.zeros(shape)", Crash("MemoryError", f"Unable to allocate {gb}.{rng.randrange(10)} GiB for an array with "
                                        f"shape {_shp(s)} and data type float64", 1)


def file_missing(rng):
    p = rng.choice(DIRS) + rng.choice(FILES)
    return f"df = pd.read_csv('{p}')", Crash("FileNotFoundError", f"[Errno 2] No such file or directory: '{p}'", 1,
                                             fr.pandas_read_csv_open())


def decode_error(rng):
    b, pos = rng.choice(["0xff", "0xe9", "0x92", "0xa0", "0x8b"]), rng.randrange(0, 90000)
    return "df = pd.read_csv(path)", Crash("UnicodeDecodeError", f"'utf-8' codec can't decode byte {b} in position "
                                           f"{pos}: invalid start byte", 1, fr.pandas_read_csv_decode())


def request_error(rng):
    host = rng.choice(["example.org", "api.github.com", "raw.githubusercontent.com", "storage.googleapis.com",
                       f"data{rng.randrange(100)}.example.com"])
    return "r = requests.get(URL)", Crash(
        "ConnectionError", f"HTTPSConnectionPool(host='{host}', port=443): Max retries exceeded with url: "
        f"/{rng.choice(FILES)} (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at "
        f"0x7f{rng.randrange(16**10):010x}>: Failed to establish a new connection: [Errno -3] Temporary failure in "
        "name resolution'))", 1, fr.requests_get())


def nltk_lookup(rng):
    res = rng.choice(["punkt", "stopwords", "wordnet", "averaged_perceptron_tagger", "omw-1.4"])
    return "tokens = nltk.word_tokenize(text)", Crash(
        "LookupError", f"\n{'*' * 70}\n  Resource {res} not found.\n  Please use the NLTK Downloader to obtain the "
        f"resource:\n\n  >>> import nltk\n  >>> nltk.download('{res}')\n{'*' * 70}\n", 1, fr.nltk_punkt())


def zero_division(rng):
    return f"acc = correct / {_var(rng)}", Crash("ZeroDivisionError", rng.choice(["division by zero",
                                                                                  "float division by zero"]), 1)


def syntax_error(rng):
    return f"print '{rng.choice(WORDS)}'", Crash(
        "SyntaxError", rng.choice(["invalid syntax", "Missing parentheses in call to 'print'. Did you mean print(...)?",
                                   "unexpected EOF while parsing", f"invalid syntax. Perhaps you forgot a comma?"]),
        1, syntax="    ^")


def assertion(rng):
    a, b = rng.randrange(100), rng.randrange(100)
    return f"assert len(preds) == {a}", Crash("AssertionError", rng.choice(["", f"{a} != {b}",
                                                                            f"expected {a} columns, got {b}"]), 1)


def unbound_local(rng):
    v = _var(rng)
    return f"{rng.choice(FUNCS)}()", Crash("UnboundLocalError", f"local variable '{v}' referenced before assignment", 1)


def xgb_dtypes(rng):
    cols = ", ".join(_col(rng) for _ in range(rng.randint(1, 3)))
    return "model.fit(X_train, y_train)", Crash(
        "ValueError", f"DataFrame.dtypes for data must be int, float, bool or category. When categorical type is "
        f"supplied, The experimental DMatrix parameter`enable_categorical` must be set to `True`.  Invalid columns:"
        f"{cols}", 1, fr.xgb_fit_dtypes())


def db_error(rng):
    host = rng.choice(["localhost", "db", f"10.0.{rng.randrange(255)}.{rng.randrange(255)}"])
    return "conn = psycopg2.connect(DSN)", Crash(
        "OperationalError", f"could not connect to server: Connection refused\n\tIs the server running on host "
        f"\"{host}\" and accepting\n\tTCP/IP connections on port {rng.choice([5432, 5433, 6543])}?\n", 1,
        fr.psycopg2_connect())


def chained_key_error(rng):
    c = _col(rng)
    outer, chain = fr.pandas_column_key(c)
    return (f"sns.histplot(df['{c}'])", Crash("KeyError", repr(c), 1, outer, chain=chain))


# (weight, family): weights follow the study's crash-type shares roughly
# (NameError and attribute errors common, OOM and request errors rare).
FAMILIES = [
    (9, name_error), (3, func_name_error), (5, module_missing), (2, import_error), (6, column_key),
    (2, columns_missing), (2, dict_key), (8, attr_error), (4, index_error), (1, axis_error), (5, type_error),
    (4, invalid_argument), (1, invalid_param), (4, cast_error), (3, string_to_float), (2, not_finite),
    (3, inconsistent), (3, tensor_shape), (1, broadcast), (1, plot_shapes), (1, unseen_label), (1, feature_names),
    (2, not_fitted), (1, unbuilt), (2, runtime), (1, out_of_memory), (5, file_missing), (1, decode_error),
    (1, request_error), (1, nltk_lookup), (1, zero_division), (2, syntax_error), (1, assertion),
    (1, unbound_local), (1, xgb_dtypes), (1, db_error), (1, chained_key_error),
]
_TOTAL = sum(w for w, _ in FAMILIES)


def varied_crash(rng):
    """One crash with its own message: (cell source, Crash)."""
    r = rng.random() * _TOTAL
    for weight, family in FAMILIES:
        r -= weight
        if r < 0:
            return family(rng)
    return FAMILIES[-1][1](rng)


if __name__ == "__main__":
    import random
    rng = random.Random(1)
    crashes = [varied_crash(rng)[1] for _ in range(1000)]
    print(f"{len({(c.ename, c.evalue) for c in crashes})} distinct messages in 1000 crashes, "
          f"{len({c.ename for c in crashes})} exception names")
