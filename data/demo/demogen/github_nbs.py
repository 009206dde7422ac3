"""GitHub-style demo notebooks: a mixture of IPython versions (and so of
frame headers), Colab, Windows, macOS and Linux installs, nbformat 3 to 4.5."""
from . import datasets as ds, frames as fr, outputs as out
from .builder import Notebook, COLAB_SITE, WINDOWS_SITE, MAC_SITE, LINUX_SITE, PY27_SITE, NEVER
from .labels import L
from .traceback import Crash as C, Frame

SITES = {"colab": (COLAB_SITE, "3.8.16"), "windows": (WINDOWS_SITE, "3.9.13"), "mac": (MAC_SITE, "3.9.7"),
         "linux": (LINUX_SITE, "3.9.2"), "py27": (PY27_SITE, "2.7.6")}


def G(name, style, where, minor=4, **kw):
    site, python = SITES[where]
    major = 3 if style == "ipy3" else 4
    return Notebook(f"github/{name.replace('/', '-')}.ipynb", style, site, nbformat=(major, minor), python=python, **kw)


def iris_open(nb, title, imports):
    return ds.opening(nb, title, "Course exercise on the iris data set.", imports,
                      "iris = pd.read_csv('data/iris.csv')\niris.head()", ds.IRIS)


def lab_linear_regression():
    nb = G("ml-course/lab2-linear-regression", "ipy7", "colab", minor=0)
    nb.heading(1, "Lab 2: linear regression")
    nb.code("import numpy as np\nfrom sklearn.linear_model import LinearRegression")
    nb.heading(2, "Data loading")
    nb.crash("df = pd.read_csv('https://raw.githubusercontent.com/ml-course/data/main/advertising.csv')\ndf.head()",
             C("NameError", "name 'pd' is not defined", 1, [],
               L("MODULE", "IMPL", "missing import", "ML", "DATAP", "pandas")))
    nb.code("import pandas as pd\ndf = pd.read_csv('https://raw.githubusercontent.com/ml-course/data/main/advertising.csv')\n"
            "df = df.sample(100, random_state=0)")
    nb.heading(2, "Training")
    nb.code("X = df[['TV', 'Radio', 'Newspaper']].values\ny = df['Sales'].values[:80]")
    nb.crash("reg = LinearRegression()\nreg.fit(X, y)", C("ValueError",
             "Found input variables with inconsistent numbers of samples: [100, 80]", 2,
             fr.sk_inconsistent("sklearn/linear_model/_base.py", "LinearRegression.fit"),
             L("TSHAPE", "DATA", "misunderstanding of data shape", "ML", "TRAIN", "sklearn")))
    return nb


def windows_nan_old_sklearn():
    nb = G("house-price-prediction/notebooks/02_modeling", "ipy7", "windows", minor=2)
    nb.heading(1, "Modeling")
    nb.code("import pandas as pd\nimport numpy as np\nfrom sklearn.ensemble import GradientBoostingRegressor\n"
            "from sklearn.model_selection import cross_val_score")
    nb.heading(2, "Data loading")
    nb.code("df = pd.read_csv('..\\\\data\\\\processed\\\\train.csv')\ndf.head()", ds.head(ds.HOUSE))
    nb.heading(2, "Training")
    nb.code("X = df.drop('SalePrice', axis=1)\ny = df['SalePrice']\nX['LotFrontage'] = np.log(X['LotArea'] - 9600)",
            out.stream("C:\\Users\\priya\\anaconda3\\lib\\site-packages\\pandas\\core\\arraylike.py:397: "
                       "RuntimeWarning: invalid value encountered in log\n  result = getattr(ufunc, method)(*inputs, **kwargs)\n",
                       "stderr"))
    frames = fr.sk_not_finite("sklearn/ensemble/_gb.py", "BaseGradientBoosting.fit")
    nb.crash("gbr = GradientBoostingRegressor(n_estimators=300)\ngbr.fit(X, y)",
             C("ValueError", "Input contains NaN, infinity or a value too large for dtype('float64').", 2, frames,
               L("DVIOL", "DATA", "NaN or infinity in the data", "ML", "TRAIN", "sklearn")))
    return nb


def numpy_broadcast_assert():
    nb = G("numpy-exercises/week3-arrays", "input8", "linux", minor=5)
    nb.heading(1, "Week 3: arrays and normalisation")
    nb.code("import numpy as np\nimport pandas as pd")
    nb.heading(2, "Data preparation")
    nb.code("A = np.arange(12).reshape(3, 4)\nw = np.array([0.1, 0.2, 0.3, 0.2, 0.2])\nA",
            out.result("array([[ 0,  1,  2,  3],\n       [ 4,  5,  6,  7],\n       [ 8,  9, 10, 11]])"))
    nb.crash("weighted = A * w\nweighted.sum(axis=1)", C("ValueError",
             "operands could not be broadcast together with shapes (3,4) (5,) ", 1, [],
             L("BCAST", "DATA", "misunderstanding of data shape", "ML", "DATAP", "numpy")))
    nb.code("df = pd.DataFrame(A, columns=list('abcd'))\ndf.loc[1, 'b'] = np.nan")
    nb.crash("assert df.isnull().sum().sum() == 0, 'missing values left'\ndf_norm = (df - df.mean()) / df.std()",
             C("AssertionError", "missing values left", 1, [],
               L("OTHER", "DATA", "misunderstanding of data content", "PY", "DATAP", "none")))
    return nb


def xgboost_missing():
    nb = iris_open(G("iris-classifiers/boosting", "cell8", "mac", minor=5), "Iris: boosting",
                   "import pandas as pd\nimport numpy as np")
    nb.heading(2, "Model")
    nb.crash("import xgboost as xgb\nclf = xgb.XGBClassifier(n_estimators=50)",
             C("ModuleNotFoundError", "No module named 'xgboost'", 1, [],
               L("MODULE", "ENV", "module not installed", "ML", "ENVS", "xgboost")))
    nb.code("!pip install xgboost", out.stream("Collecting xgboost\n  Downloading xgboost-1.7.5-py3-none-macosx_10_15_x86_64."
                                               "macosx_11_0_x86_64.macosx_12_0_x86_64.whl (1.8 MB)\n"
                                               "Successfully installed xgboost-1.7.5\n"))
    return nb


def pandas_ix_removed():
    nb = ds.opening(G("data-science-handbook/03-indexing", "cell8", "windows", minor=4),
                    "Indexing with pandas", "Selecting rows and columns of the churn data.",
                    "import pandas as pd\nimport numpy as np",
                    "churn = pd.read_csv('telco_churn.csv')\nchurn.head()", ds.CHURN)
    nb.heading(2, "Data preparation")
    nb.crash("first_rows = churn.ix[:10, ['tenure', 'MonthlyCharges']]\nfirst_rows",
             C("AttributeError", "'DataFrame' object has no attribute 'ix'", 1, fr.pandas_getattr(),
               L("ATTR", "LIB", "API changed between versions", "ML", "DATAP", "pandas")))
    nb.code("first_rows = churn.loc[:10, ['tenure', 'MonthlyCharges']]")
    nb.crash("churn['label'] = churn['tenure'] + ' months'", C("TypeError",
             "unsupported operand type(s) for +: 'int' and 'str'", 1, [],
             L("TYPE", "IMPL", "wrong implementation", "PY", "DATAP", "none")))
    return nb


def predict_classes_removed():
    nb = G("keras-tutorials/fashion_mnist", "ipy7", "colab", minor=0)
    nb.heading(1, "Fashion-MNIST classifier")
    nb.code(ds.KERAS_IMPORTS)
    nb.heading(2, "Data loading")
    nb.code("(x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()\n"
            "x_train, x_test = x_train / 255.0, x_test / 255.0")
    nb.heading(2, "Model")
    nb.code("model = keras.Sequential([layers.Flatten(input_shape=(28, 28)), layers.Dense(128, activation='relu'),\n"
            "                          layers.Dense(10, activation='softmax')])\n"
            "model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])")
    nb.heading(2, "Training")
    nb.code("history = model.fit(x_train, y_train, epochs=5, validation_data=(x_test, y_test))", ds.epochs(5))
    nb.code("plt.plot(history.history['accuracy'])\nplt.plot(history.history['val_accuracy'])\nplt.show()",
            out.image("line", 141))
    nb.heading(2, "Evaluation")
    nb.crash("y_pred = model.predict_classes(x_test)\nprint(y_pred[:10])",
             C("AttributeError", "'Sequential' object has no attribute 'predict_classes'", 1, [],
               L("ATTR", "LIB", "API changed between versions", "ML", "EVAL", "keras")))
    return nb


def keras_summary_unbuilt():
    nb = G("deep-learning-course/week2/subclassed_model", "input8", "linux", minor=4)
    nb.heading(1, "A subclassed Keras model")
    nb.code(ds.KERAS_IMPORTS)
    nb.heading(2, "Model")
    nb.code("class MLP(keras.Model):\n    def __init__(self):\n        super().__init__()\n"
            "        self.hidden = layers.Dense(64, activation='relu')\n        self.out = layers.Dense(10)\n\n"
            "    def call(self, x):\n        return self.out(self.hidden(x))")
    nb.crash("model = MLP()\nmodel.summary()", C("ValueError",
             "This model has not yet been built. Build the model first by calling `build()` or by calling the "
             "model on a batch of data.", 2, fr.keras_summary_unbuilt(),
             L("INIT", "API", "misunderstanding of API", "ML", "MCONS", "keras")))
    return nb


def refit_out_of_order():
    nb = iris_open(G("iris-classifiers/random_forest", "ipy7", "mac", minor=2),
                   "Iris: random forest", ds.TABULAR_IMPORTS)
    nb.heading(2, "Model")
    nb.code("X = iris.drop('species', axis=1)\ny = iris['species']\n"
            "X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=1)", count=3)
    nb.code("model = RandomForestClassifier(n_estimators=50)", count=9)
    nb.heading(2, "Training")
    nb.code("model.fit(X_train, y_train)", out.result("RandomForestClassifier(n_estimators=50)"), count=4)
    nb.heading(2, "Evaluation")
    nb.crash("y_pred = model.predict(X_test)\nprint(accuracy_score(y_test, y_pred))",
             C("NotFittedError", "This RandomForestClassifier instance is not fitted yet. Call 'fit' with appropriate "
               "arguments before using this estimator.", 1,
               [Frame("sklearn/ensemble/_forest.py", 820, "ForestClassifier.predict", "(self, X)",
                      "proba = self.predict_proba(X)"),
                Frame("sklearn/ensemble/_forest.py", 860, "ForestClassifier.predict_proba", "(self, X)",
                      "check_is_fitted(self)"), fr.sk_check_is_fitted()],
               L("INIT", "NB", "execution order", "ML", "EVAL", "sklearn")), count=10)
    return nb


def colab_drive_locally():
    nb = G("covid-xray/notebooks/train_local", "cell8", "linux", minor=5)
    nb.heading(1, "COVID X-ray classifier")
    nb.heading(2, "Setup")
    nb.crash("from google.colab import drive\ndrive.mount('/content/drive')", C("ModuleNotFoundError",
             "No module named 'google.colab'", 1, [], L("MODULE", "ENV", "changed environment", "PY", "ENVS", "google")))
    nb.code("import json\nimport os")
    nb.crash("with open('/content/drive/MyDrive/covid/labels.json') as f:\n    labels = json.load(f)",
             C("FileNotFoundError", "[Errno 2] No such file or directory: '/content/drive/MyDrive/covid/labels.json'",
               1, [], L("IO", "ENV", "file or path missing", "PY", "DATAP", "none")))
    return nb


def python2_print():
    nb = G("titanic/titanic_decision_tree", "cell8", "mac", minor=5)
    nb.heading(1, "Titanic: decision tree")
    nb.code(ds.TABULAR_IMPORTS + "\nfrom sklearn.tree import DecisionTreeClassifier")
    nb.code("train = pd.read_csv('train.csv')\nX = pd.get_dummies(train[['Pclass', 'Sex', 'SibSp']])\ny = train['Survived']\n"
            "X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25)\n"
            "tree = DecisionTreeClassifier(max_depth=3).fit(X_train, y_train)")
    nb.heading(2, "Evaluation")
    nb.crash("acc = accuracy_score(y_test, tree.predict(X_test))\nprint 'Accuracy:', acc",
             C("SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 2,
               syntax="    ^^^^^^^^^^^^^^^^^^^^^^^", labels=L("OTHER", "IMPL", "typo", "PY", "EVAL", "none")))
    return nb


def indentation_error():
    nb = G("pytorch-basics/02_training_loop", "ipy7", "linux", minor=1)
    nb.heading(1, "Training loop")
    nb.code("import torch\nimport torch.nn as nn\nmodel = nn.Linear(10, 1)\n"
            "optimizer = torch.optim.SGD(model.parameters(), lr=0.1)\nx, y = torch.randn(64, 10), torch.randn(64, 1)")
    nb.heading(2, "Training")
    nb.crash("for step in range(100):\n    loss = ((model(x) - y) ** 2).mean()\n    optimizer.zero_grad()\n"
             "     loss.backward()\n    optimizer.step()",
             C("IndentationError", "unexpected indent", 4, syntax="    ^",
               labels=L("OTHER", "IMPL", "typo", "PY", "TRAIN", "none")))
    return nb


def postgres_refused():
    nb = G("retail-analytics/01_extract", "input8", "linux", minor=4)
    nb.heading(1, "Extract orders from Postgres")
    nb.code("import pandas as pd\nimport psycopg2")
    nb.heading(2, "Data loading")
    nb.crash("conn = psycopg2.connect(host='localhost', dbname='retail', user='analyst', password='***')\n"
             "orders = pd.read_sql('SELECT * FROM orders', conn)",
             C("OperationalError", 'connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection '
               "refused\n\tIs the server running on that host and accepting TCP/IP connections?\n", 1,
               fr.psycopg2_connect(), L("RERR", "ENV", "external service", "PY", "DATAP", "psycopg2")))
    return nb


def cuda_tensor_numpy():
    nb = G("mnist-pytorch/eval", "cell8", "linux", minor=5)
    nb.heading(1, "MNIST in PyTorch: evaluation")
    nb.code(ds.TORCH_IMPORTS + "\nimport matplotlib.pyplot as plt\nfrom sklearn.metrics import confusion_matrix\n"
            "device = 'cuda'")
    nb.code("model = torch.load('mnist_cnn.pt').to(device).eval()\n"
            "test_loader = DataLoader(torchvision.datasets.MNIST('data', train=False, transform=transforms.ToTensor()), "
            "batch_size=1000)")
    nb.heading(2, "Evaluation")
    nb.crash("images, labels = next(iter(test_loader))\npreds = model(images.to(device)).argmax(dim=1)\n"
             "cm = confusion_matrix(labels.numpy(), preds.numpy())",
             C("TypeError", "can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() to copy the tensor "
               "to host memory first.", 3, [], L("TYPE", "API", "misunderstanding of library", "ML", "EVAL", "torch")))
    return nb


def undefined_functions():
    nb = iris_open(G("iris-classifiers/svm", "ipy7", "colab", minor=0), "Iris: SVM",
                   "import pandas as pd\nimport numpy as np\nimport matplotlib.pyplot as plt\nfrom sklearn.svm import SVC")
    nb.heading(2, "Data preparation")
    nb.crash("X_train, X_test, y_train, y_test = train_test_split(iris.iloc[:, :4], iris.species, test_size=0.3)",
             C("NameError", "name 'train_test_split' is not defined", 1, [],
               L("NAME", "IMPL", "missing import", "ML", "DATAP", "sklearn")))
    nb.code("from sklearn.model_selection import train_test_split\n"
            "X_train, X_test, y_train, y_test = train_test_split(iris.iloc[:, :4], iris.species, test_size=0.3)")
    nb.heading(2, "Training")
    nb.code("svc = SVC(kernel='rbf', C=1.0).fit(X_train, y_train)\nsvc.score(X_test, y_test)",
            out.result("0.9777777777777777"))
    nb.heading(2, "Evaluation")
    nb.crash("plot_confusion(svc, X_test, y_test)\nplt.show()", C("NameError", "name 'plot_confusion' is not defined",
             1, [], L("NAME", "IMPL", "undefined function", "PY", "EVAL", "none")))
    return nb


def astype_bad_value():
    nb = ds.opening(G("survey-analysis/cleaning", "input8", "mac", minor=4),
                    "Developer survey: cleaning", "Turning survey answers into numbers.",
                    "import pandas as pd\nimport numpy as np",
                    "churn = pd.read_csv('survey_2019.csv')\nchurn.head()", ds.CHURN)
    nb.heading(2, "Data preparation")
    nb.code("churn['YearsCode'].unique()[:8]",
            out.result("array(['4', nan, '3', '3+', '16', '13', 'Less than 1 year', '6'], dtype=object)"))
    nb.crash("churn['YearsCode'] = churn['YearsCode'].fillna(0).astype(int)", C("ValueError",
             "invalid literal for int() with base 10: '3+'", 1, fr.pandas_astype_int(),
             L("VALUE", "DATA", "misunderstanding of data content", "ML", "DATAP", "pandas")))
    return nb


def plot_confusion_matrix_removed():
    nb = G("credit-default/evaluation", "cell8", "windows", minor=4)
    nb.heading(1, "Credit default: evaluation")
    nb.crash("import pandas as pd\nimport joblib\nfrom sklearn.metrics import plot_confusion_matrix, classification_report",
             C("ImportError", "cannot import name 'plot_confusion_matrix' from 'sklearn.metrics' "
               "(C:\\Users\\priya\\anaconda3\\lib\\site-packages\\sklearn\\metrics\\__init__.py)", 3, [],
               L("ENV", "LIB", "API changed between versions", "ML", "ENVS", "sklearn")))
    nb.code("from sklearn.metrics import ConfusionMatrixDisplay, classification_report")
    return nb


def pad_sequences_moved():
    nb = G("sentiment-lstm/imdb_lstm", "ipy7", "colab", minor=0)
    nb.heading(1, "IMDB sentiment with an LSTM")
    nb.crash("import numpy as np\nfrom keras.datasets import imdb\nfrom keras.preprocessing.sequence import pad_sequences",
             C("ImportError", "cannot import name 'pad_sequences' from 'keras.preprocessing.sequence' "
               "(/usr/local/lib/python3.8/dist-packages/keras/preprocessing/sequence.py)", 3, [],
               L("ENV", "LIB", "API changed between versions", "ML", "ENVS", "keras")))
    nb.code("from keras.utils import pad_sequences")
    return nb


def matplotlib_shapes():
    nb = G("climate-notebooks/temperature_trends", "cell8", "mac", minor=5)
    nb.heading(1, "Temperature trends")
    nb.code("import numpy as np\nimport pandas as pd\nimport matplotlib.pyplot as plt")
    nb.code("years = np.arange(2010, 2020)\ntemps = np.random.normal(14.5, 0.3, 12)")
    nb.heading(2, "Data visualization")
    nb.crash("plt.plot(years, temps, marker='o')\nplt.title('Mean temperature')\nplt.show()",
             C("ValueError", "x and y must have same first dimension, but have shapes (10,) and (12,)", 1,
               fr.mpl_plot_shapes(), L("TSHAPE", "DATA", "misunderstanding of data shape", "ML", "DATAV", "matplotlib")))
    nb.code("temps = temps[:10]\nplt.plot(years, temps, marker='o')\nplt.show()", out.image("line", 181))
    nb.crash("fig, axes = plt.subplots(1, 2, figsize=(12, 4))\nfor i, col in enumerate(['min', 'mean', 'max']):\n"
             "    axes[i].hist(np.random.normal(14, 2, 100))\nplt.show()",
             C("IndexError", "index 2 is out of bounds for axis 0 with size 2", 3, [],
               L("INDEX", "API", "misunderstanding of API", "ML", "DATAV", "matplotlib")),
             out.image("bar", 182, "<Figure size 1200x400 with 2 Axes>"))
    return nb


def accuracy_wrong_y():
    nb = G("titanic/knn_baseline", "input8", "linux", minor=4)
    nb.heading(1, "Titanic: k-nearest neighbours")
    nb.code(ds.TABULAR_IMPORTS + "\nfrom sklearn.neighbors import KNeighborsClassifier")
    nb.code("train = pd.read_csv('data/train.csv')\nX = train[['Pclass', 'SibSp', 'Parch', 'Fare']]\ny = train['Survived']\n"
            "X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)")
    nb.heading(2, "Training")
    nb.code("knn = KNeighborsClassifier(n_neighbors=5).fit(X_train, y_train)")
    nb.heading(2, "Evaluation")
    nb.crash("y_pred = knn.predict(X_test)\nprint('accuracy', accuracy_score(y_train, y_pred))",
             C("ValueError", "Found input variables with inconsistent numbers of samples: [712, 179]", 2,
               fr.sk_targets("length"), L("TSHAPE", "IMPL", "wrong implementation", "ML", "EVAL", "sklearn")))
    return nb


def interrupted_training():
    nb = G("cats-vs-dogs/cnn_from_scratch", "ipy7", "windows", minor=4)
    nb.heading(1, "Cats vs dogs from scratch")
    nb.code(ds.KERAS_IMPORTS)
    nb.code("train_ds = keras.utils.image_dataset_from_directory('data/train', image_size=(180, 180))\n"
            "model = keras.Sequential([layers.Rescaling(1 / 255), layers.Conv2D(32, 3, activation='relu'),\n"
            "    layers.GlobalAveragePooling2D(), layers.Dense(1, activation='sigmoid')])\n"
            "model.compile('adam', 'binary_crossentropy', metrics=['accuracy'])",
            out.stream("Found 23410 files belonging to 2 classes.\n"))
    nb.heading(2, "Training")
    nb.crash("history = model.fit(train_ds, epochs=30)", C("KeyboardInterrupt", "", 1, [
             Frame("keras/utils/traceback_utils.py", 65, "error_handler", "(*args, **kwargs)",
                   "    return fn(*args, **kwargs)"),
             Frame("keras/engine/training.py", 1650, "Model.fit", "(self, x, y, batch_size, epochs, verbose, callbacks, "
                   "validation_split, validation_data, shuffle, class_weight, sample_weight, initial_epoch, "
                   "steps_per_epoch, validation_steps, validation_batch_size, validation_freq, max_queue_size, "
                   "workers, use_multiprocessing)", "tmp_logs = self.train_function(iterator)"),
             Frame("tensorflow/python/eager/execute.py", 52, "quick_execute", "(op_name, num_outputs, inputs, attrs, "
                   "ctx, name)", "  tensors = pywrap_tfe.TFE_Py_Execute(ctx._handle, device_name, op_name,")],
             L("OTHER", "ENV", "external control: kernel interrupted", "PY", "TRAIN", "none")),
             out.stream("Epoch 1/30\n732/732 [==============================] - 412s 561ms/step - loss: 0.6712 - "
                        "accuracy: 0.5843\nEpoch 2/30\n 311/732 [===========>..................] - ETA: 3:51 - "
                        "loss: 0.6187 - accuracy: 0.6561"))
    return nb


def py2_titanic():
    nb = G("kaggle-2014/titanic_ipython2", "ipy3", "py27", minor=0)
    nb.heading(1, "Titanic with pandas (IPython 2)")
    nb.code("import pandas as pd\nimport numpy as np\nimport matplotlib.pyplot as plt\n%matplotlib inline")
    nb.crash("import seaborn as sns", C("ImportError", "No module named seaborn", 1, [],
             L("MODULE", "ENV", "module not installed", "ML", "ENVS", "seaborn")))
    nb.heading(2, "Data loading")
    nb.code("df = pd.read_csv('train.csv')\nnames = list(df.Name)\nprint len(names)", out.stream("891\n"))
    nb.heading(2, "Feature engineering")
    nb.crash("titles = [n.split(', ')[1].split('.')[0] for n in names]\nsurnames = [n.split(' ')[3] for n in names]",
             C("IndexError", "list index out of range", 2, [],
               L("INDEX", "IMPL", "wrong implementation", "PY", "DATAP", "none")))
    return nb


def py2_svm():
    nb = G("kaggle-2014/titanic_svm", "ipy3", "py27", minor=0)
    nb.heading(1, "Titanic SVM")
    nb.code("import pandas as pd\nfrom sklearn.svm import SVC")
    nb.heading(2, "Data loading")
    nb.code("df = pd.read_csv('train.csv')\ndf.head()", ds.head(ds.TITANIC))
    nb.heading(3, "One-hot encoding everything")
    nb.crash("wide = pd.get_dummies(df)", C("MemoryError", "", 1, [
        Frame("pandas/core/reshape.py", 1059, "get_dummies", "(data, prefix, prefix_sep, dummy_na, columns, sparse)",
              "    result = concat(with_dummies, axis=1)"),
        Frame("pandas/tools/merge.py", 754, "concat", "(objs, axis, join, join_axes, ignore_index, keys, levels, "
              "names, verify_integrity, copy)", "return op.get_result()"),
        Frame("pandas/core/internals.py", 4188, "concatenate_block_managers", "(mgrs_indexers, axes, concat_axis, copy)",
              "            concat_axis=concat_axis, copy=copy),")],
        L("OOM", "RSC", "memory", "ML", "DATAP", "pandas")))
    nb.heading(2, "Training")
    nb.crash("X = df[['Pclass', 'Sex', 'Age']].fillna(0)\ny = df.Survived\nsvc = SVC().fit(X, y)",
             C("ValueError", "could not convert string to float: male", 3, [
                 Frame("sklearn/svm/base.py", 150, "fit", "(self, X, y, sample_weight)",
                       "X, y = check_X_y(X, y, dtype=np.float64, order='C', accept_sparse='csr')"),
                 Frame("sklearn/utils/validation.py", 510, "check_X_y", "(X, y, accept_sparse, dtype, order, copy, "
                       "force_all_finite, ensure_2d, allow_nd, multi_output, ensure_min_samples, ensure_min_features, "
                       "y_numeric, warn_on_dtype, estimator)", "ensure_min_features, warn_on_dtype, estimator)"),
                 Frame("sklearn/utils/validation.py", 373, "check_array", "(array, accept_sparse, dtype, order, copy, "
                       "force_all_finite, ensure_2d, allow_nd, ensure_min_samples, ensure_min_features, "
                       "warn_on_dtype, estimator)", "array = np.array(array, dtype=dtype, order=order, copy=copy)")],
               L("DVIOL", "DATA", "strings where numbers are needed", "ML", "TRAIN", "sklearn")))
    return nb


def py2_typo():
    nb = G("stats-homework/week5_regression", "ipy3", "py27", minor=0)
    nb.heading(1, "Week 5: regression")
    nb.md("Fit a line to the advertising data and report the error.")
    nb.code("import numpy as np\nimport pandas as pd\nfrom sklearn.linear_model import LinearRegression")
    nb.code("ads = pd.read_csv('Advertising.csv')\nreg = LinearRegression().fit(ads[['TV']], ads.Sales)\n"
            "predictions = reg.predict(ads[['TV']])")
    nb.heading(2, "Evaluation")
    nb.crash("mse = np.mean((predictons - ads.Sales) ** 2)\nprint mse",
             C("NameError", "name 'predictons' is not defined", 1, [],
               L("VNF", "IMPL", "typo", "PY", "EVAL", "none")))
    return nb


def opaque_pipeline():
    nb = G("thesis-experiments/run_all", "cell8", "linux", minor=5)
    nb.heading(1, "Run all experiments")
    nb.code("from pipeline import Pipeline\np = Pipeline('configs/exp7.yaml')")
    nb.crash("p.run()", C("Exception", "Something went wrong", 1, [], bare=True,
             labels=L("OTHER", "UNK", "not enough information", "PY", "TRAIN", "none")))
    return nb


def import_cell_never_ran():
    nb = G("eda-playground/sales_eda", "cell8", "mac", minor=4)
    nb.heading(1, "Sales EDA")
    nb.code("import pandas as pd\nimport matplotlib.pyplot as plt\nimport seaborn as sns", count=NEVER)
    nb.heading(2, "Data loading")
    nb.crash("sales = pd.read_csv('sales.csv', parse_dates=['date'])\nsales.head()",
             C("NameError", "name 'pd' is not defined", 1, [],
               L("MODULE", "NB", "execution order: import cell never ran", "ML", "DATAP", "pandas")), count=1)
    return nb


def keras_single_image():
    nb = G("keras-tutorials/digits_predict", "input8", "linux", minor=4)
    nb.heading(1, "Predicting a single digit")
    nb.code(ds.KERAS_IMPORTS + "\nmodel = keras.models.load_model('digits_cnn.h5')")
    nb.code("(_, _), (x_test, y_test) = keras.datasets.mnist.load_data()\nimg = x_test[0] / 255.0\n"
            "plt.imshow(img, cmap='gray')\nplt.show()", out.image("heatmap", 271))
    nb.heading(2, "Evaluation")
    msg = ('in user code:\n\n    File "/home/wei/.local/lib/python3.9/site-packages/keras/engine/training.py", '
           'line 2041, in predict_function  *\n        return step_function(self, iterator)\n\n'
           '    ValueError: Input 0 of layer "sequential" is incompatible with the layer: expected '
           'shape=(None, 28, 28, 1), found shape=(None, 28)\n')
    nb.crash("pred = model.predict(img)\nprint(np.argmax(pred))", C("ValueError", msg, 1,
             fr.keras_error_handler() + [Frame("/tmp/__autograph_generated_file4b9kq2ha.py", 15,
                                               "outer_factory.<locals>.inner_factory.<locals>.tf__predict_function",
                                               "(iterator)", absolute=True)],
             L("TSHAPE", "DATA", "misunderstanding of data shape", "ML", "EVAL", "keras")))
    return nb


NOTEBOOKS = [lab_linear_regression, windows_nan_old_sklearn, numpy_broadcast_assert, xgboost_missing,
             pandas_ix_removed, predict_classes_removed, keras_summary_unbuilt, refit_out_of_order,
             colab_drive_locally, python2_print, indentation_error, postgres_refused, cuda_tensor_numpy,
             undefined_functions, astype_bad_value, plot_confusion_matrix_removed, pad_sequences_moved,
             matplotlib_shapes, accuracy_wrong_y, interrupted_training, py2_titanic, py2_svm, py2_typo,
             opaque_pipeline, import_cell_never_ran, keras_single_image]
