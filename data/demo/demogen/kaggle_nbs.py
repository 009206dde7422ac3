"""Kaggle-style demo notebooks: papermill metadata, /opt/conda paths,
"Cell In[N]" (IPython 8) or "/tmp/ipykernel_NN/NNN.py" (IPython 7) frames."""
from . import datasets as ds, frames as fr, outputs as out
from .builder import Notebook, KAGGLE_SITE, NEVER
from .labels import L
from .traceback import Crash as C, Frame, UserFrame, DURING

KAGGLE37 = "/opt/conda/lib/python3.7/site-packages/"


def K(name, style="cell8", minor=4, **kw):
    site, python = (KAGGLE37, "3.7.12") if style == "kaggle7" else (KAGGLE_SITE, "3.10.12")
    kw.setdefault("papermill", True)
    return Notebook(f"kaggle/{name}.ipynb", style, site, nbformat=(4, minor), kaggle_meta=True,
                    python=python, **kw)


def titanic_load(nb, title, intro):
    return ds.opening(nb, title, intro, ds.TABULAR_IMPORTS,
                      "train = pd.read_csv('/kaggle/input/titanic/train.csv')\ntrain.head()", ds.TITANIC)


def titanic_random_forest():
    nb = titanic_load(K("titanic-random-forest-baseline", minor=5),
                      "Titanic: a random forest baseline", "Predict who survived with a quick random forest.")
    nb.heading(2, "Exploration")
    outer, chain = fr.pandas_column_key("survived")
    nb.crash("train['survived'].value_counts()", C("KeyError", "'survived'", 1, outer,
             L("KEY", "DATA", "misunderstanding of data structure", "ML", "DATAP", "pandas"), chain=chain))
    nb.code("train['Survived'].value_counts()", out.result("0    549\n1    342\nName: Survived, dtype: int64"))
    nb.code("sns.countplot(x='Survived', hue='Sex', data=train)\nplt.show()", out.image("bar", 11))
    nb.heading(2, "Training")
    nb.code("features = ['Pclass', 'Sex', 'Age', 'SibSp', 'Parch', 'Fare']\n"
            "X = train[features].fillna(0)\ny = train['Survived']\n"
            "X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.2, random_state=42)")
    src = "model = RandomForestClassifier(n_estimators=100, max_depth=5, random_state=1)\nmodel.fit(X_train, y_train)"
    nb.crash(src, C("ValueError", "could not convert string to float: 'male'", 2,
             fr.sk_to_float("sklearn/ensemble/_forest.py", "BaseForest.fit"),
             L("DVIOL", "DATA", "strings where numbers are needed", "ML", "TRAIN", "sklearn")))
    return nb


def house_prices_linear():
    nb = ds.opening(K("house-prices-linear-regression", minor=4),
                    "House Prices: linear regression", "Baseline for the *House Prices* competition.",
                    "import numpy as np\nimport pandas as pd\nfrom sklearn.linear_model import LinearRegression\n"
                    "from sklearn.metrics import mean_squared_error",
                    "df = pd.read_csv('/kaggle/input/house-prices-advanced-regression-techniques/train.csv')\n"
                    "df.head()", ds.HOUSE)
    nb.heading(2, "Training")
    nb.code("X = pd.get_dummies(df.drop(columns=['Id', 'SalePrice']))\ny = np.log1p(df['SalePrice'])")
    msg = ("Input X contains NaN.\nLinearRegression does not accept missing values encoded as NaN natively. "
           "For supervised learning, you might want to consider sklearn.ensemble.HistGradientBoostingClassifier "
           "and Regressor which accept missing values encoded as NaNs natively. Alternatively, it is possible to "
           "preprocess the data, for instance by using an imputer transformer in a pipeline or drop samples with "
           "missing values. See https://scikit-learn.org/stable/modules/impute.html You can find a list of all "
           "estimators that handle NaN values at the following page: "
           "https://scikit-learn.org/stable/modules/impute.html#estimators-that-handle-nan-values")
    nb.crash("lr = LinearRegression()\nlr.fit(X, y)", C("ValueError", msg, 2,
             fr.sk_not_finite("sklearn/linear_model/_base.py", "LinearRegression.fit"),
             L("DVIOL", "DATA", "NaN in the data", "ML", "TRAIN", "sklearn")))
    nb.code("X = X.fillna(X.median())\nlr = LinearRegression().fit(X, y)\nprint(lr.score(X, y))",
            out.stream("0.9312845106937517\n"))
    nb.heading(2, "Submission")
    nb.code("test = pd.read_csv('/kaggle/input/house-prices-advanced-regression-techniques/test.csv')\n"
            "X_test = pd.get_dummies(test.drop(columns=['Id'])).fillna(0)")
    msg = ("The feature names should match those that were passed during fit.\n"
           "Feature names seen at fit time, yet now missing:\n- Condition2_RRAe\n- Condition2_RRAn\n"
           "- Condition2_RRNn\n- Electrical_Mix\n- Exterior1st_ImStucc\n- ...\n")
    nb.crash("preds = np.expm1(lr.predict(X_test))", C("ValueError", msg, 1, [
             Frame("sklearn/linear_model/_base.py", 354, "LinearModel.predict", "(self, X)",
                   "return self._decision_function(X)"),
             Frame("sklearn/linear_model/_base.py", 337, "LinearModel._decision_function", "(self, X)",
                   'X = self._validate_data(X, accept_sparse=["csr", "csc", "coo"], reset=False)'),
             Frame("sklearn/base.py", 518, "BaseEstimator._validate_data", "(self, X, y, reset, "
                   "validate_separately, **check_params)", "self._check_feature_names(X, reset=reset)"),
             Frame("sklearn/base.py", 451, "BaseEstimator._check_feature_names", "(self, X, reset)",
                   "raise ValueError(message)")],
             L("FNAME", "DATA", "train and test encoded differently", "ML", "EVAL", "sklearn")))
    return nb


def digit_recognizer_mlp():
    nb = K("digit-recognizer-keras-mlp", minor=4)
    nb.heading(1, "Digit Recognizer with a Keras MLP")
    nb.code(ds.KERAS_IMPORTS + "\nprint(tf.__version__)", out.stream("2.11.0\n"))
    nb.heading(2, "Data loading")
    nb.code("(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()\n"
            "x_train, x_test = x_train / 255.0, x_test / 255.0\nprint(x_train.shape, y_train.shape)",
            out.stream("Downloading data from https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz\n"
                       "11490434/11490434 [==============================] - 0s 0us/step\n(60000, 28, 28) (60000,)\n"))
    nb.code("plt.imshow(x_train[0], cmap='gray')\nplt.title(y_train[0])\nplt.show()", out.image("heatmap", 31))
    nb.heading(2, "Model")
    nb.code("model = keras.Sequential([\n    layers.Dense(128, activation='relu', input_shape=(784,)),\n"
            "    layers.Dropout(0.2),\n    layers.Dense(10, activation='softmax')\n])\n"
            "model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])")
    nb.heading(2, "Training")
    msg = ('in user code:\n\n    File "/opt/conda/lib/python3.10/site-packages/keras/engine/training.py", line 1249, '
           'in train_function  *\n        return step_function(self, iterator)\n'
           '    File "/opt/conda/lib/python3.10/site-packages/keras/engine/training.py", line 1233, in step_function  **\n'
           '        outputs = model.distribute_strategy.run(run_step, args=(data,))\n'
           '    File "/opt/conda/lib/python3.10/site-packages/keras/engine/input_spec.py", line 277, in assert_input_compatibility\n'
           '        raise ValueError(\n\n'
           '    ValueError: Input 0 of layer "dense" is incompatible with the layer: expected axis -1 of input shape '
           'to have value 784, but received input with shape (None, 28, 28)\n')
    nb.crash("history = model.fit(x_train, y_train, epochs=5, validation_split=0.1)", C("ValueError", msg, 1,
             fr.keras_fit_autograph(), L("TSHAPE", "MODEL", "misunderstanding of model inputs", "ML", "TRAIN", "keras")),
             out.stream("Epoch 1/5\n"))
    return nb


def cifar10_pytorch_cnn():
    nb = K("cifar10-pytorch-cnn", minor=5)
    nb.heading(1, "CIFAR-10 with a small PyTorch CNN")
    nb.code(ds.TORCH_IMPORTS + "\ndevice = torch.device('cuda' if torch.cuda.is_available() else 'cpu')\nprint(device)",
            out.stream("cuda\n"))
    nb.heading(2, "Data loading")
    nb.code("transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5,) * 3, (0.5,) * 3)])\n"
            "trainset = torchvision.datasets.CIFAR10(root='./data', train=True, download=True, transform=transform)\n"
            "trainloader = DataLoader(trainset, batch_size=64, shuffle=True, num_workers=2)",
            out.stream("Files already downloaded and verified\n"))
    nb.heading(2, "Model")
    net_src = ("class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
               "        self.conv1 = nn.Conv2d(3, 32, 3, padding=1)\n        self.pool = nn.MaxPool2d(2, 2)\n"
               "        self.fc1 = nn.Linear(32 * 16 * 16, 512)\n        self.fc2 = nn.Linear(256, 10)\n\n"
               "    def forward(self, x):\n        x = self.pool(F.relu(self.conv1(x)))\n"
               "        x = torch.flatten(x, 1)\n        x = F.relu(self.fc1(x))\n        x = self.fc2(x)\n"
               "        return x\n\nnet = Net().to(device)")
    nb.code(net_src)
    net_count = nb.counter
    nb.code("criterion = nn.CrossEntropyLoss()\noptimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)")
    nb.heading(2, "Training")
    train_src = ("for epoch in range(10):\n    running_loss = 0.0\n    for i, (inputs, labels) in enumerate(trainloader):\n"
                 "        inputs, labels = inputs.to(device), labels.to(device)\n        optimizer.zero_grad()\n"
                 "        outputs = net(inputs)\n        loss = criterion(outputs, labels)\n        loss.backward()\n"
                 "        optimizer.step()\n        running_loss += loss.item()")
    forward = UserFrame(net_count, "Net.forward", "(self, x)", net_src, 13)
    nb.crash(train_src, C("RuntimeError", "mat1 and mat2 shapes cannot be multiplied (64x512 and 256x10)",
             "outputs = net(inputs)", [fr.torch_call_impl()] + fr.torch_linear()[1:],
             L("TSHAPE", "MODEL", "misunderstanding of model layers", "ML", "TRAIN", "torch"),
             user_frames=[forward]))
    nb.md("Bigger model, bigger batches:")
    nb.code("resnet = torchvision.models.resnet152(weights=None, num_classes=10).to(device)\n"
            "bigloader = DataLoader(trainset, batch_size=1024, shuffle=True)")
    msg = ("CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 15.90 GiB total capacity; 13.12 GiB already "
           "allocated; 1.51 GiB free; 13.40 GiB reserved in total by PyTorch) If reserved memory is >> allocated "
           "memory try setting max_split_size_mb to avoid fragmentation.  See documentation for Memory Management "
           "and PYTORCH_CUDA_ALLOC_CONF")
    src = "inputs, labels = next(iter(bigloader))\noutputs = resnet(inputs.to(device))"
    nb.crash(src, C("OutOfMemoryError", msg, 2, [fr.torch_call_impl(),
             Frame("torchvision/models/resnet.py", 285, "ResNet.forward", "(self, x)", "    return self._forward_impl(x)"),
             Frame("torchvision/models/resnet.py", 268, "ResNet._forward_impl", "(self, x)", "x = self.conv1(x)"),
             ] + fr.torch_conv(), L("OOM", "RSC", "GPU memory", "ML", "TRAIN", "torch")))
    return nb


def tabnet_env():
    nb = K("tps-tabnet-starter", style="kaggle7", minor=4)
    nb.heading(1, "TPS: TabNet starter")
    nb.md("TabNet on the tabular playground data.")
    nb.crash("import pandas as pd\nimport numpy as np\nfrom pytorch_tabnet.tab_model import TabNetClassifier",
             C("ModuleNotFoundError", "No module named 'pytorch_tabnet'", 3, [],
               L("MODULE", "ENV", "module not installed", "ML", "ENVS", "pytorch_tabnet")))
    nb.code("train = pd.read_csv('../input/tabular-playground-series-may-2021/train.csv')\ntrain.shape",
            out.result("(100000, 52)"))
    return nb


def spaceship_eda():
    nb = K("spaceship-titanic-eda", minor=5)
    nb.heading(1, "Spaceship Titanic: EDA")
    nb.code(ds.TABULAR_IMPORTS)
    nb.heading(2, "Data loading")
    nb.code("df = pd.read_csv('/kaggle/input/spaceship-titanic/train.csv')\ndf.shape", out.result("(8693, 14)"))
    nb.heading(2, "Data visualization")
    nb.code("sns.countplot(x='HomePlanet', data=df)\nplt.show()", out.image("bar", 61))
    nb.crash("plt.figure(figsize=(10, 5))\nsns.histplot(df['Age'], bin=30, kde=True)\nplt.show()",
             C("AttributeError", "Rectangle.set() got an unexpected keyword argument 'bin'", 2,
               fr.seaborn_histplot_kwarg(), L("IARG", "API", "invalid argument", "ML", "DATAV", "seaborn")),
             out.result("<Figure size 1000x500 with 0 Axes>"))
    nb.code("sns.histplot(df['Age'], bins=30, kde=True)\nplt.show()", out.image("bar", 62))
    return nb


def store_sales_papermill_error():
    nb = K("store-sales-time-series-lgbm", minor=5)
    nb.stop_at_error = True
    nb.heading(1, "Store Sales: LightGBM")
    nb.code("import pandas as pd\nimport numpy as np\nimport lightgbm as lgb")
    nb.heading(2, "Data loading")
    nb.crash("train = pd.read_csv('../input/train.csv', parse_dates=['date'])\ntrain.head()",
             C("FileNotFoundError", "[Errno 2] No such file or directory: '../input/train.csv'", 1,
               fr.pandas_read_csv_open(), L("IO", "ENV", "file or path missing", "ML", "DATAP", "pandas")))
    nb.code("train['dayofweek'] = train['date'].dt.dayofweek\ntrain['month'] = train['date'].dt.month")
    nb.heading(2, "Training")
    nb.code("model = lgb.LGBMRegressor(n_estimators=500, learning_rate=0.05)\n"
            "model.fit(train[['store_nbr', 'onpromotion', 'dayofweek', 'month']], train['sales'])")
    return nb


def disaster_tweets_nltk():
    nb = ds.opening(K("nlp-disaster-tweets-glove", style="kaggle7", minor=4),
                    "NLP with Disaster Tweets", "Bag of words, then GloVe.",
                    "import pandas as pd\nimport numpy as np\nimport nltk\nimport requests\n"
                    "from nltk.tokenize import word_tokenize",
                    "train = pd.read_csv('../input/nlp-getting-started/train.csv')\ntrain.head()", ds.TWEETS)
    nb.heading(2, "Cleaning")
    punkt = ("\n**********************************************************************\n"
             "  Resource \x1b[93mpunkt\x1b[0m not found.\n  Please use the NLTK Downloader to obtain the resource:\n\n"
             "  \x1b[31m>>> import nltk\n  >>> nltk.download('punkt')\n  \x1b[0m\n"
             "  For more information see: https://www.nltk.org/data.html\n\n"
             "  Attempted to load \x1b[93mtokenizers/punkt/PY3/english.pickle\x1b[0m\n\n  Searched in:\n"
             "    - '/root/nltk_data'\n    - '/opt/conda/nltk_data'\n    - '/opt/conda/share/nltk_data'\n"
             "    - '/usr/share/nltk_data'\n    - ''\n"
             "**********************************************************************\n")
    nb.crash("train['tokens'] = train['text'].apply(lambda t: word_tokenize(t.lower()))",
             C("LookupError", punkt, 1, [Frame("pandas/core/series.py", 4357, "apply", "(self, func, convert_dtype, args, **kwargs)",
                                              "return SeriesApply(self, func, convert_dtype, args, kwargs).apply()"),
                                        Frame("pandas/_libs/lib.pyx", 2870, "pandas._libs.lib.map_infer", "()", absolute=True),
                                        Frame("/tmp/ipykernel_33/3211578236.py", 1, "<lambda>", "(t)", absolute=True)]
               + fr.nltk_punkt(), L("ENV", "ENV", "environment set-up", "ML", "DATAP", "nltk")))
    nb.heading(2, "Embeddings")
    err = ("HTTPSConnectionPool(host='nlp.stanford.edu', port=443): Max retries exceeded with url: "
           "/data/glove.6B.zip (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at "
           "0x7f3c2a1b5d90>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution'))")
    nb.crash("r = requests.get('https://nlp.stanford.edu/data/glove.6B.zip', stream=True)\n"
             "with open('glove.zip', 'wb') as f:\n    f.write(r.content)",
             C("ConnectionError", err, 1, fr.requests_get(),
               L("RERR", "ENV", "external: internet disabled", "PY", "DATAP", "requests"),
               chain=(fr.urllib3_retry(), "MaxRetryError", err, DURING)))
    return nb


def bert_sentiment():
    nb = K("bert-sentiment-transformers", minor=5)
    nb.heading(1, "Sentiment with BERT")
    nb.code("!pip install -q transformers==4.30.0", out.stream(
        "\x1b[33mWARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour "
        "with the system package manager.\x1b[0m\x1b[33m\n\x1b[0m", "stderr"))
    nb.crash("import torch\nfrom transformers import BertTokenizer, BertForSequenceClassification, AdamW",
             C("ImportError", "cannot import name 'AdamW' from 'transformers' "
               "(/opt/conda/lib/python3.10/site-packages/transformers/__init__.py)", 2, [],
               L("ENV", "ENV", "incompatible library versions", "ML", "ENVS", "transformers")))
    nb.code("from torch.optim import AdamW")
    return nb


def credit_fraud_similarity():
    nb = ds.opening(K("credit-card-fraud-knn", minor=3),
                    "Credit card fraud: nearest neighbours", "Distances between transactions.",
                    "import numpy as np\nimport pandas as pd\nfrom sklearn.preprocessing import StandardScaler",
                    "df = pd.read_csv('/kaggle/input/creditcardfraud/creditcard.csv')\ndf.head()", ds.FRAUD)
    nb.heading(2, "Feature engineering")
    nb.code("X = StandardScaler().fit_transform(df.drop(columns=['Class']).sample(63245, random_state=0))")
    nb.crash("sim = np.dot(X, X.T)\nsim.shape", C("MemoryError", "Unable to allocate 29.8 GiB for an array with "
             "shape (63245, 63245) and data type float64", 1, [], L("OOM", "RSC", "memory", "ML", "DATAP", "numpy")))
    return nb


def tps_lgbm_out_of_order():
    nb = K("tabular-playground-lgbm", minor=4, papermill=False)
    nb.heading(1, "Tabular Playground: LightGBM")
    nb.code("import pandas as pd\nimport lightgbm as lgb\nfrom sklearn.model_selection import train_test_split",
            count=1)
    nb.code("df = pd.read_csv('/kaggle/input/tabular-playground-series-aug-2022/train.csv')", count=2)
    nb.heading(2, "Data preparation")
    nb.code("X = df.drop(columns=['id', 'failure'])\ny = df['failure']\n"
            "X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.2)", count=6)
    nb.heading(2, "Training")
    nb.crash("model = lgb.LGBMClassifier(n_estimators=300)\nmodel.fit(X_train, y_train)",
             C("NameError", "name 'X_train' is not defined", 2, [],
               L("VNF", "NB", "execution order", "PY", "TRAIN", "none")), count=5)
    return nb


def heart_disease():
    nb = ds.opening(K("heart-disease-classification", style="kaggle7", minor=4),
                    "Heart disease prediction", "Logistic regression and a custom metric.",
                    "import pandas as pd\nimport numpy as np\nfrom sklearn.preprocessing import StandardScaler\n"
                    "from sklearn.linear_model import LogisticRegression\nfrom sklearn.model_selection import train_test_split",
                    "df = pd.read_csv('../input/heart-disease-uci/heart.csv')\ndf.head()", ds.HEART)
    nb.heading(2, "Preprocessing")
    nb.code("X = df.drop('target', axis=1)\ny = df['target']\n"
            "X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)")
    nb.crash("scaler = StandardScaler()\nX_train = scaler.transform(X_train)\nX_test = scaler.transform(X_test)",
             C("NotFittedError", "This StandardScaler instance is not fitted yet. Call 'fit' with appropriate "
               "arguments before using this estimator.", 2, fr.sk_not_fitted("sklearn/preprocessing/_data.py",
                                                                            "StandardScaler.transform"),
               L("INIT", "API", "misunderstanding of API", "ML", "DATAP", "sklearn")))
    nb.code("X_train = scaler.fit_transform(X_train)\nX_test = scaler.transform(X_test)")
    nb.heading(2, "Training")
    nb.code("clf = LogisticRegression().fit(X_train, y_train)\ny_pred = clf.predict(X_test)")
    nb.heading(2, "Evaluation")
    nb.code("def specificity(y_true, y_pred):\n    tn = ((y_true == 0) & (y_pred == 0)).sum()\n"
            "    fp = ((y_true == 1) & (y_pred == 0)).sum()\n    return tn / (tn + fp)")
    fn_count = nb.counter
    spec_src = nb.cells[-1].source
    nb.crash("print('specificity:', specificity(y_test.values[y_test.values == 1], y_pred[y_test.values == 1]))",
             C("ZeroDivisionError", "division by zero", 1, [],
               L("OTHER", "IMPL", "wrong implementation", "PY", "EVAL", "none"),
               user_frames=[UserFrame(fn_count, "specificity", "(y_true, y_pred)", spec_src, 4)]))
    return nb


def mnist_cnn_keras():
    nb = K("mnist-cnn-keras", minor=4)
    nb.heading(1, "MNIST CNN in Keras")
    nb.code(ds.KERAS_IMPORTS)
    nb.heading(2, "Data loading")
    nb.code("train = pd.read_csv('/kaggle/input/digit-recognizer/train.csv')\n"
            "X = train.drop('label', axis=1).values.reshape(-1, 28, 28) / 255.0\ny = train['label'].values")
    nb.heading(2, "Model")
    msg = ('Input 0 of layer "conv2d" is incompatible with the layer: expected min_ndim=4, found ndim=3. '
           "Full shape received: (None, 28, 28)")
    nb.crash("model = keras.Sequential()\nmodel.add(layers.Conv2D(32, (3, 3), activation='relu', input_shape=(28, 28)))\n"
             "model.add(layers.MaxPooling2D((2, 2)))\nmodel.add(layers.Flatten())\nmodel.add(layers.Dense(10, activation='softmax'))",
             C("ValueError", msg, 2, fr.keras_error_handler() + [
                 Frame("keras/engine/input_spec.py", 250, "assert_input_compatibility", "(input_spec, inputs, layer_name)",
                       "    raise ValueError(", pre=["if spec.min_ndim is not None:", "    ndim = x.shape.rank"])],
               L("TSHAPE", "MODEL", "misunderstanding of model inputs", "ML", "MCONS", "keras")))
    nb.code("X = X.reshape(-1, 28, 28, 1)\nmodel = keras.Sequential([\n"
            "    layers.Conv2D(32, (3, 3), activation='relu', input_shape=(28, 28, 1)),\n"
            "    layers.MaxPooling2D((2, 2)),\n    layers.Flatten(),\n    layers.Dense(10, activation='softmax')])\n"
            "model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])")
    nb.heading(2, "Training")
    nb.code("history = model.fit(X, y, epochs=3, validation_split=0.1)", ds.epochs(3, steps=1182))
    nb.heading(2, "Evaluation")
    nb.crash("plt.plot(history.history['acc'], label='train')\nplt.plot(history.history['val_acc'], label='val')\n"
             "plt.legend()\nplt.show()", C("KeyError", "'acc'", 1, [],
                                           L("KEY", "LIB", "API changed between versions", "ML", "EVAL", "keras")))
    return nb


def resnet_tf_oom():
    nb = K("flowers-resnet50-tf", minor=4, papermill=False)
    nb.heading(1, "Flowers: ResNet50 fine-tuning")
    nb.code(ds.KERAS_IMPORTS, count=1)
    nb.code("gpus = tf.config.list_physical_devices('GPU')\nfor gpu in gpus:\n"
            "    tf.config.experimental.set_memory_growth(gpu, True)", count=2)
    nb.heading(2, "Data loading")
    nb.code("train_ds = keras.utils.image_dataset_from_directory('/kaggle/input/flowers/train', "
            "image_size=(512, 512), batch_size=64)", out.stream("Found 12753 files belonging to 104 classes.\n"),
            count=3)
    nb.heading(2, "Model")
    nb.code("base = keras.applications.ResNet50(include_top=False, weights='imagenet', input_shape=(512, 512, 3))\n"
            "model = keras.Sequential([base, layers.GlobalAveragePooling2D(), layers.Dense(104, activation='softmax')])\n"
            "model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])", count=4)
    nb.heading(2, "Training")
    msg = ("Graph execution error:\n\nDetected at node 'sequential/resnet50/conv2_block1_1_conv/Conv2D' defined at "
           "(most recent call last):\n    File \"/opt/conda/lib/python3.10/runpy.py\", line 196, in _run_module_as_main\n"
           "...\nNode: 'sequential/resnet50/conv2_block1_1_conv/Conv2D'\nOOM when allocating tensor with "
           "shape[64,64,128,128] and type float on /job:localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc\n"
           "\t [[{{node sequential/resnet50/conv2_block1_1_conv/Conv2D}}]]\nHint: If you want to see a list of "
           "allocated tensors when OOM happens, add report_tensor_allocations_upon_oom to RunOptions for current "
           "allocation info. This isn't available when running in Eager mode.\n [Op:__inference_train_function_21937]")
    nb.crash("history = model.fit(train_ds, epochs=10)", C("ResourceExhaustedError", msg, 1,
             fr.keras_error_handler() + fr.tf_execute(), L("OOM", "RSC", "GPU memory", "ML", "TRAIN", "tensorflow")),
             out.stream("Epoch 1/10\n"), count=5)
    nb.md("Try again with memory growth switched on:")
    nb.crash("gpus = tf.config.list_physical_devices('GPU')\nfor gpu in gpus:\n"
             "    tf.config.experimental.set_memory_growth(gpu, True)",
             C("RuntimeError", "Physical devices cannot be modified after being initialized", 3,
               fr.tf_memory_growth(), L("RUNTIME", "NB", "execution order", "ML", "ENVS", "tensorflow")), count=6)
    return nb


def titanic_submission():
    nb = titanic_load(K("titanic-label-encoding-submission", minor=4),
                      "Titanic: label encoding and a submission", "From raw CSV to submission.csv.")
    nb.heading(2, "Data preparation")
    nb.code("from sklearn.preprocessing import LabelEncoder\n"
            "test = pd.read_csv('/kaggle/input/titanic/test.csv')\nenc = LabelEncoder()\n"
            "train['Embarked'] = enc.fit_transform(train['Embarked'].fillna('S').replace('Q', 'S'))")
    nb.crash("test['Embarked'] = enc.transform(test['Embarked'])", C("ValueError",
             "y contains previously unseen labels: 'Q'", 1, fr.sk_label_unseen(),
             L("DVIOL", "DATA", "unseen labels", "ML", "DATAP", "sklearn")))
    nb.code("test['Embarked'] = enc.transform(test['Embarked'].replace('Q', 'S'))")
    nb.heading(2, "Training")
    nb.code("features = ['Pclass', 'Embarked', 'SibSp', 'Parch']\n"
            "model = RandomForestClassifier(n_estimators=100).fit(train[features], train['Survived'])\n"
            "predictions = model.predict(test[features])")
    nb.heading(2, "Submission")
    nb.crash("output = pd.DataFrame({'PassengerId': test.PassengerId, 'Survived': predictions})\n"
             "output.to_csv('/kaggle/input/titanic/submission.csv', index=False)\nprint('Saved!')",
             C("PermissionError", "[Errno 13] Permission denied: '/kaggle/input/titanic/submission.csv'", 2,
               fr.pandas_to_csv_open(), L("IO", "ENV", "permissions", "ML", "EVAL", "pandas")))
    return nb


def house_prices_xgb():
    nb = ds.opening(K("house-prices-xgboost", minor=5),
                    "House prices with XGBoost", "Gradient boosting on the raw columns.",
                    "import pandas as pd\nimport numpy as np\nimport xgboost as xgb\n"
                    "from sklearn.model_selection import train_test_split",
                    "df = pd.read_csv('/kaggle/input/house-prices-advanced-regression-techniques/train.csv')\ndf.head()",
                    ds.HOUSE)
    nb.heading(2, "Training")
    nb.code("X = df.drop(columns=['Id', 'SalePrice'])\ny = df['SalePrice']\n"
            "X_train, X_val, y_train, y_val = train_test_split(X, y, random_state=0)")
    msg = ("DataFrame.dtypes for data must be int, float, bool or category. When categorical type is supplied, "
           "The experimental DMatrix parameter`enable_categorical` must be set to `True`.  Invalid columns:MSZoning: "
           "object, Street: object, Alley: object, LotShape: object, LandContour: object, Utilities: object")
    nb.crash("model = xgb.XGBRegressor(n_estimators=1000, learning_rate=0.05)\n"
             "model.fit(X_train, y_train, eval_set=[(X_val, y_val)], verbose=False)",
             C("ValueError", msg, 2, [fr.xgb_fit_dtypes()[0],
                                      Frame("xgboost/sklearn.py", 988, "XGBModel.fit", "(self, X, y, sample_weight, "
                                            "base_margin, eval_set, eval_metric, early_stopping_rounds, verbose, "
                                            "xgb_model, sample_weight_eval_set, base_margin_eval_set, "
                                            "feature_weights, callbacks)",
                                            "train_dmatrix, evals = _wrap_evaluation_matrices(")]
               + fr.xgb_fit_dtypes()[2:], L("DVIOL", "DATA", "strings where numbers are needed", "ML", "TRAIN", "xgboost")))
    return nb


def transfer_learning_torch():
    nb = K("pytorch-transfer-learning-cats-dogs", minor=4)
    nb.heading(1, "Cats vs dogs: transfer learning")
    nb.code(ds.TORCH_IMPORTS + "\nfrom torchvision import models\ndevice = 'cuda'")
    nb.heading(2, "Model")
    nb.code("model = models.resnet18(weights=None)\nmodel.fc = nn.Linear(512, 2)")
    msg = ("Error(s) in loading state_dict for ResNet:\n\tsize mismatch for fc.weight: copying a param with shape "
           "torch.Size([10, 512]) from checkpoint, the shape in current model is torch.Size([2, 512]).\n"
           "\tsize mismatch for fc.bias: copying a param with shape torch.Size([10]) from checkpoint, the shape in "
           "current model is torch.Size([2]).")
    nb.crash("state = torch.load('/kaggle/input/resnet18-cifar10/resnet18.pth')\nmodel.load_state_dict(state)",
             C("RuntimeError", msg, 2, fr.torch_load_state_dict(),
               L("TSHAPE", "MODEL", "misunderstanding of model layers", "ML", "MCONS", "torch")))
    nb.code("state = {k: v for k, v in state.items() if not k.startswith('fc.')}\n"
            "model.load_state_dict(state, strict=False)",
            out.result("_IncompatibleKeys(missing_keys=['fc.weight', 'fc.bias'], unexpected_keys=[])"))
    nb.heading(2, "Training")
    nb.code("train_ds = torchvision.datasets.ImageFolder('/kaggle/input/cats-dogs/train', transforms.Compose(["
            "transforms.Resize((224, 224)), transforms.ToTensor()]))\ntrain_loader = DataLoader(train_ds, batch_size=32, shuffle=True)\n"
            "criterion = nn.CrossEntropyLoss()\noptimizer = optim.Adam(model.parameters(), lr=1e-4)")
    msg = ("Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu! "
           "(when checking argument for argument weight in method wrapper_CUDA___slow_conv2d_forward)")
    nb.crash("for images, labels in train_loader:\n    images, labels = images.to(device), labels.to(device)\n"
             "    outputs = model(images)\n    loss = criterion(outputs, labels)\n    optimizer.zero_grad()\n"
             "    loss.backward()\n    optimizer.step()",
             C("RuntimeError", msg, "outputs = model(images)", [fr.torch_call_impl(),
               Frame("torchvision/models/resnet.py", 285, "ResNet.forward", "(self, x)", "    return self._forward_impl(x)"),
               Frame("torchvision/models/resnet.py", 268, "ResNet._forward_impl", "(self, x)", "x = self.conv1(x)")]
               + fr.torch_conv(), L("RUNTIME", "API", "misunderstanding of library", "ML", "TRAIN", "torch")))
    return nb


def sales_iloc_axis():
    nb = ds.opening(K("predict-future-sales-features", minor=4),
                    "Predict future sales: lag features", "Monthly aggregation and lags.",
                    "import numpy as np\nimport pandas as pd",
                    "sales = pd.read_csv('/kaggle/input/store-sales-time-series-forecasting/train.csv')\nsales.head()",
                    ds.SALES)
    nb.heading(2, "Feature engineering")
    nb.code("monthly = sales.groupby(['store_nbr', 'family']).sales.sum().reset_index()\nlen(monthly)",
            out.result("1782"))
    nb.crash("last = monthly.iloc[1782]\nprint(last)", C("IndexError", "single positional indexer is out-of-bounds",
             1, fr.pandas_iloc_out_of_bounds(), L("INDEX", "DATA", "misunderstanding of data size", "ML", "DATAP", "pandas")))
    nb.code("lags = [monthly.sales.shift(k).values for k in (1, 2, 3)]\nlags[0].shape", out.result("(1782,)"))
    nb.crash("features = np.concatenate(lags, axis=1)", C("AxisError", "axis 1 is out of bounds for array of dimension 1",
             1, fr.numpy_concatenate(), L("INDEX", "DATA", "misunderstanding of data shape", "ML", "DATAP", "numpy")))
    return nb


def store_sales_encoding():
    nb = K("ecuador-sales-eda", minor=2)
    nb.heading(1, "Ecuador sales: EDA")
    nb.code("import pandas as pd\nimport matplotlib.pyplot as plt")
    nb.heading(2, "Data loading")
    nb.crash("stores = pd.read_csv('/kaggle/input/ecuador-stores/stores_es.csv')",
             C("UnicodeDecodeError", "'utf-8' codec can't decode byte 0xe9 in position 18: invalid continuation byte",
               1, fr.pandas_read_csv_decode(), L("IO", "DATA", "malformed file while reading", "ML", "DATAP", "pandas")))
    nb.code("stores = pd.read_csv('/kaggle/input/ecuador-stores/stores_es.csv', encoding='latin-1')\nstores.shape",
            out.result("(54, 5)"))
    nb.heading(2, "Data visualization")
    nb.code("stores['city'].value_counts().head(10).plot(kind='bar')\nplt.show()", out.image("bar", 91))
    return nb


def titanic_earlier_failure():
    nb = titanic_load(K("titanic-feature-engineering", minor=5, papermill=False),
                      "Titanic: feature engineering", "Family size, titles and a gradient boosting model.")
    nb.heading(2, "Feature engineering")
    nb.code("train['Title'] = train.Name.str.extract(r' ([A-Za-z]+)\\.', expand=False)\n"
            "train['Sex'] = train['Sex'].map({'male': 0, 'female': 1})")
    nb.crash("features = ['Pclass', 'Sex', 'Age', 'Fare', 'FamilySize']\nX = train[features]\ny = train['Survived']",
             C("KeyError", "\"['FamilySize'] not in index\"", 2, fr.pandas_columns_missing(),
               L("KEY", "DATA", "misunderstanding of data structure", "ML", "DATAP", "pandas")))
    nb.heading(2, "Training")
    nb.crash("from sklearn.ensemble import GradientBoostingClassifier\nmodel = GradientBoostingClassifier()\n"
             "model.fit(X, y)", C("NameError", "name 'X' is not defined", 3, [],
                                  L("VNF", "NB", "earlier cell's error left state undefined", "PY", "TRAIN", "none")))
    return nb


def backward_twice():
    nb = K("pytorch-regression-from-scratch", minor=4)
    nb.heading(1, "Linear regression from scratch in PyTorch")
    nb.code("import torch\nimport matplotlib.pyplot as plt\ntorch.manual_seed(0)",
            out.result("<torch._C.Generator at 0x7f8a1c2b3d50>"))
    nb.heading(2, "Data preparation")
    nb.code("x = torch.linspace(0, 10, 100).unsqueeze(1)\ny = 3 * x + 2 + torch.randn(100, 1)\n"
            "plt.scatter(x, y)\nplt.show()", out.image("scatter", 101))
    nb.heading(2, "Training")
    nb.code("w = torch.randn(1, requires_grad=True)\nb = torch.zeros(1, requires_grad=True)\n"
            "pred = x * w + b\nloss = ((pred - y) ** 2).mean()")
    msg = ("Trying to backward through the graph a second time (or directly access saved tensors after they have "
           "already been freed). Saved intermediate values of the graph are freed when you call .backward() or "
           "autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or "
           "if you need to access saved tensors after calling backward.")
    nb.crash("for epoch in range(100):\n    loss.backward()\n    with torch.no_grad():\n        w -= 0.01 * w.grad\n"
             "        b -= 0.01 * b.grad\n        w.grad.zero_()\n        b.grad.zero_()",
             C("RuntimeError", msg, 2, fr.torch_backward(),
               L("RUNTIME", "MODEL", "misunderstanding of the training API", "ML", "TRAIN", "torch")))
    return nb


def utility_script_unknown():
    nb = K("g2net-experiment-runner", minor=4)
    nb.heading(1, "G2Net: experiment runner")
    nb.code("import sys\nsys.path.append('/kaggle/usr/lib/g2net_utils')\nfrom g2net_utils import run, CFG")
    nb.heading(2, "Training")
    nb.crash("run(CFG)", C("RuntimeError", "", 1, [
        Frame("/kaggle/usr/lib/g2net_utils/g2net_utils.py", 412, "run", "(cfg)", absolute=True),
        Frame("/kaggle/usr/lib/g2net_utils/g2net_utils.py", 377, "train_fold", "(cfg, fold)", absolute=True)],
        L("RUNTIME", "UNK", "not enough information", "PY", "TRAIN", "none")))
    return nb


def cassava_oom_old_torch():
    nb = K("cassava-leaf-efficientnet", style="kaggle7", minor=4)
    nb.heading(1, "Cassava leaf disease: EfficientNet")
    nb.code("import torch\nimport timm\nfrom torch.utils.data import DataLoader\ndevice = torch.device('cuda')")
    nb.heading(2, "Model")
    nb.code("model = timm.create_model('tf_efficientnet_b4_ns', pretrained=True, num_classes=5).to(device)")
    nb.heading(2, "Training")
    nb.code("from dataset import CassavaDataset\ntrain_loader = DataLoader(CassavaDataset('train'), batch_size=64)")
    msg = ("CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 15.90 GiB total capacity; 14.83 GiB already "
           "allocated; 9.75 MiB free; 14.99 GiB reserved in total by PyTorch)")
    nb.crash("for imgs, labels in train_loader:\n    preds = model(imgs.to(device))\n    break",
             C("RuntimeError", msg, 2, [Frame("torch/nn/modules/module.py", 1051, "_call_impl", "(self, *input, **kwargs)",
                                              "            return forward_call(*input, **kwargs)"),
                                        Frame("timm/models/efficientnet.py", 494, "EfficientNet.forward", "(self, x)",
                                              "x = self.forward_features(x)"),
                                        Frame("timm/models/efficientnet.py", 487, "EfficientNet.forward_features", "(self, x)",
                                              "x = self.blocks(x)")],
               L("OOM", "RSC", "GPU memory", "ML", "TRAIN", "torch")))
    return nb


def titanic_logreg_wrong_split():
    nb = titanic_load(K("titanic-logistic-regression", style="kaggle7", minor=4),
                      "Titanic: logistic regression", "A linear baseline.")
    nb.heading(2, "Training")
    nb.code("from sklearn.linear_model import LogisticRegression\ntest = pd.read_csv('/kaggle/input/titanic/test.csv')\n"
            "X_train = train[['Pclass', 'SibSp', 'Parch']]\ny_train = train['Survived']\nX_test = test[['Pclass', 'SibSp', 'Parch']]")
    nb.crash("logreg = LogisticRegression()\nlogreg.fit(X_test, y_train)", C("ValueError",
             "Found input variables with inconsistent numbers of samples: [418, 891]", 2,
             fr.sk_inconsistent("sklearn/linear_model/_logistic.py", "LogisticRegression.fit"),
             L("TSHAPE", "IMPL", "wrong implementation", "ML", "TRAIN", "sklearn")))
    return nb


def grid_search_params():
    nb = ds.opening(K("churn-grid-search", minor=5),
                    "Telco churn: tuning a random forest", "Grid search over the forest's depth.",
                    ds.TABULAR_IMPORTS + "\nfrom sklearn.model_selection import GridSearchCV",
                    "df = pd.read_csv('/kaggle/input/telco-customer-churn/WA_Fn-UseC_-Telco-Customer-Churn.csv')\n"
                    "df.head()", ds.CHURN)
    nb.heading(2, "Data preparation")
    nb.code("df['TotalCharges'] = pd.to_numeric(df['TotalCharges'], errors='coerce').fillna(0)\n"
            "X = pd.get_dummies(df.drop(columns=['customerID', 'Churn']), drop_first=True)\ny = (df['Churn'] == 'Yes').astype(int)")
    nb.heading(2, "Model")
    nb.crash("rf = RandomForestClassifier(n_estimator=200, random_state=42)",
             C("TypeError", "RandomForestClassifier.__init__() got an unexpected keyword argument 'n_estimator'", 1, [],
               L("IARG", "API", "invalid argument", "ML", "MCONS", "sklearn")))
    nb.code("rf = RandomForestClassifier(n_estimators=200, random_state=42)")
    nb.heading(2, "Training")
    msg = ("Invalid parameter 'max_dept' for estimator RandomForestClassifier(n_estimators=200, random_state=42). "
           "Valid parameters are: ['bootstrap', 'ccp_alpha', 'class_weight', 'criterion', 'max_depth', "
           "'max_features', 'max_leaf_nodes', 'max_samples', 'min_impurity_decrease', 'min_samples_leaf', "
           "'min_samples_split', 'min_weight_fraction_leaf', 'n_estimators', 'n_jobs', 'oob_score', "
           "'random_state', 'verbose', 'warm_start'].")
    nb.crash("grid = GridSearchCV(rf, {'max_dept': [4, 8, 16]}, cv=5, scoring='roc_auc')\ngrid.fit(X, y)",
             C("ValueError", msg, 2, fr.sk_grid_invalid_param(),
               L("IARG", "API", "invalid parameter value", "ML", "TRAIN", "sklearn")))
    return nb


def tweets_cell_below():
    nb = ds.opening(K("tweets-tfidf-logreg", minor=4, papermill=False),
                    "Disaster tweets: TF-IDF + logistic regression", "Cleaning, TF-IDF and a linear model.",
                    "import re\nimport pandas as pd\nfrom sklearn.feature_extraction.text import TfidfVectorizer\n"
                    "from sklearn.linear_model import LogisticRegression",
                    "train = pd.read_csv('/kaggle/input/nlp-getting-started/train.csv')\ntrain.head()", ds.TWEETS,
                    shape_line=False)
    nb.heading(2, "Cleaning")
    nb.crash("train['clean'] = train['text'].apply(clean_text)\ntrain['clean'].head()",
             C("NameError", "name 'clean_text' is not defined", 1, [],
               L("NAME", "NB", "a cell needs a cell further down", "PY", "DATAP", "none")))
    nb.md("Helper used above:")
    nb.code("def clean_text(text):\n    text = re.sub(r'https?://\\S+', '', text)\n"
            "    text = re.sub(r'[^a-z ]', ' ', text.lower())\n    return ' '.join(text.split())", count=NEVER)
    nb.heading(2, "Training")
    nb.code("vec = TfidfVectorizer(max_features=20000)\nX = vec.fit_transform(train['clean'])", count=NEVER)
    return nb


def keras_probs_metrics():
    nb = K("churn-keras-dnn", minor=3)
    nb.heading(1, "Churn with a small Keras network")
    nb.code(ds.KERAS_IMPORTS + "\nfrom sklearn.metrics import accuracy_score, confusion_matrix")
    nb.heading(2, "Data preparation")
    nb.code("df = pd.read_csv('/kaggle/input/churn-modelling/Churn_Modelling.csv')\n"
            "X = pd.get_dummies(df.drop(columns=['RowNumber', 'CustomerId', 'Surname', 'Exited'])).values.astype('float32')\n"
            "y = df['Exited'].values\nX_train, X_test, y_train, y_test = X[:8000], X[8000:], y[:8000], y[8000:]")
    nb.heading(2, "Model")
    nb.code("model = keras.Sequential([layers.Dense(32, activation='relu'), layers.Dense(1, activation='sigmoid')])\n"
            "model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])")
    nb.heading(2, "Training")
    nb.code("history = model.fit(X_train, y_train, epochs=5, batch_size=32, validation_split=0.2)",
            ds.epochs(5, steps=200))
    nb.heading(2, "Evaluation")
    nb.code("y_pred = model.predict(X_test)", out.stream("63/63 [==============================] - 0s 1ms/step\n"))
    nb.crash("print(accuracy_score(y_test, y_pred))", C("ValueError",
             "Classification metrics can't handle a mix of binary and continuous targets", 1, fr.sk_targets("mix"),
             L("VALUE", "MODEL", "misunderstanding of model outputs", "ML", "EVAL", "sklearn")))
    nb.code("print(accuracy_score(y_test, (y_pred > 0.5).astype(int)))", out.stream("0.8455\n"))
    return nb


NOTEBOOKS = [titanic_random_forest, house_prices_linear, digit_recognizer_mlp, cifar10_pytorch_cnn, tabnet_env,
             spaceship_eda, store_sales_papermill_error, disaster_tweets_nltk, bert_sentiment,
             credit_fraud_similarity, tps_lgbm_out_of_order, heart_disease, mnist_cnn_keras, resnet_tf_oom,
             titanic_submission, house_prices_xgb, transfer_learning_torch, sales_iloc_axis, store_sales_encoding,
             titanic_earlier_failure, backward_twice, utility_script_unknown, cassava_oom_old_torch,
             titanic_logreg_wrong_split, grid_search_params, tweets_cell_below, keras_probs_metrics]
