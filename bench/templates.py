"""What the synthetic corpus is made of: ML code cells, markdown headings
and crash templates. Tracebacks, frames and tables come from the demo
corpus's generator (data/demo/demogen), so both corpora print crashes the
same, realistic way."""
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "demo"))

from demogen import datasets as ds, frames as fr  # noqa: E402
from demogen.traceback import Crash  # noqa: E402

IMPORTS = [
    ds.TABULAR_IMPORTS, ds.KERAS_IMPORTS, ds.TORCH_IMPORTS,
    "import numpy as np\nimport pandas as pd\nfrom sklearn.linear_model import LogisticRegression\n"
    "from sklearn.preprocessing import StandardScaler",
    "import pandas as pd\nimport xgboost as xgb\nimport lightgbm as lgb\nfrom sklearn.metrics import roc_auc_score",
    "import cv2\nimport numpy as np\nimport matplotlib.pyplot as plt\nfrom PIL import Image",
    "import nltk\nimport re\nfrom transformers import AutoTokenizer, AutoModel",
    "import plotly.express as px\nimport pandas as pd\nimport statsmodels.api as sm",
]

HEADINGS = ["Data loading", "Exploratory data analysis", "Data cleaning", "Feature engineering",
            "Data visualization", "Model", "Training", "Validation", "Evaluation", "Submission"]

CODE = [
    "df = pd.read_csv('../input/train.csv')\ndf.head()",
    "df.info()",
    "df.describe()",
    "df.isnull().sum()",
    "df['Age'] = df['Age'].fillna(df['Age'].median())\ndf = df.drop(columns=['Cabin', 'Ticket'])",
    "X = df.drop('target', axis=1)\ny = df['target']\n"
    "X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.2, random_state=42)",
    "plt.figure(figsize=(10, 6))\nsns.heatmap(df.corr(), annot=True, cmap='coolwarm')\nplt.show()",
    "sns.countplot(x='target', data=df)\nplt.title('Class balance')\nplt.show()",
    "model = RandomForestClassifier(n_estimators=200, max_depth=8, n_jobs=-1)\nmodel.fit(X_train, y_train)",
    "preds = model.predict(X_val)\nprint(accuracy_score(y_val, preds))",
    "model = keras.Sequential([\n    layers.Dense(128, activation='relu'),\n    layers.Dropout(0.3),\n"
    "    layers.Dense(1, activation='sigmoid')\n])\nmodel.compile('adam', 'binary_crossentropy', metrics=['accuracy'])",
    "history = model.fit(X_train, y_train, epochs=10, validation_data=(X_val, y_val), batch_size=64)",
    "for epoch in range(epochs):\n    model.train()\n    for xb, yb in loader:\n        optimizer.zero_grad()\n"
    "        loss = criterion(model(xb.to(device)), yb.to(device))\n        loss.backward()\n        optimizer.step()",
    "scaler = StandardScaler()\nX_train = scaler.fit_transform(X_train)\nX_val = scaler.transform(X_val)",
    "fig, ax = plt.subplots(1, 2, figsize=(14, 5))\nax[0].plot(history.history['loss'])\n"
    "ax[1].plot(history.history['accuracy'])\nplt.show()",
    "submission = pd.DataFrame({'id': test.id, 'target': model.predict(X_test)})\n"
    "submission.to_csv('submission.csv', index=False)",
]

STREAMS = ["(891, 12)\n", "0.8324022346368715\n", "Epoch 1/10\n23/23 [==============================] - 1s 12ms/step"
           " - loss: 0.6402 - accuracy: 0.6517\n", "<class 'pandas.core.frame.DataFrame'>\nRangeIndex: 891 entries,"
           " 0 to 890\nData columns (total 12 columns):\n", "Fold 0 AUC: 0.91342\nFold 1 AUC: 0.90876\n"]

TABLES = [ds.TITANIC, ds.HOUSE, ds.CHURN, ds.HEART, ds.IRIS, ds.FRAUD, ds.SALES]


def _key():
    outer, chain = fr.pandas_column_key("target")
    return "df['target'].value_counts()", Crash("KeyError", "'target'", 1, outer, chain=chain)


# (cell source, Crash) pairs; the traceback is rendered per notebook style.
CRASHES = [
    _key(),
    ("model.fit(X_train, y_train)", Crash("ValueError", "could not convert string to float: 'male'", 1,
                                          fr.sk_to_float("sklearn/ensemble/_forest.py", "BaseForest.fit"))),
    ("lr.fit(X, y)", Crash("ValueError", "Found input variables with inconsistent numbers of samples: [100, 80]",
                           1, fr.sk_inconsistent("sklearn/linear_model/_base.py", "LinearRegression.fit"))),
    ("preds = model.predict(X_test)", Crash("NameError", "name 'model' is not defined", 1)),
    ("df = pd.read_csv('../input/train.csv')", Crash("FileNotFoundError",
     "[Errno 2] No such file or directory: '../input/train.csv'", 1, fr.pandas_read_csv_open())),
    ("import xgboost as xgb", Crash("ModuleNotFoundError", "No module named 'xgboost'", 1)),
    ("X_scaled = scaler.transform(X)", Crash("NotFittedError", "This StandardScaler instance is not fitted yet. "
     "Call 'fit' with appropriate arguments before using this estimator.", 1,
     fr.sk_not_fitted("sklearn/preprocessing/_data.py", "StandardScaler.transform"))),
    ("out = net(inputs)", Crash("RuntimeError", "mat1 and mat2 shapes cannot be multiplied (64x512 and 256x10)", 1,
                                fr.torch_linear())),
    ("w = A * b", Crash("ValueError", "operands could not be broadcast together with shapes (3,4) (5,) ", 1)),
    ("rows = df.ix[:10]", Crash("AttributeError", "'DataFrame' object has no attribute 'ix'", 1, fr.pandas_getattr())),
    ("plt.plot(x, y)", Crash("ValueError", "x and y must have same first dimension, but have shapes (10,) and (12,)",
                             1, fr.mpl_plot_shapes())),
    ("last = df.iloc[len(df)]", Crash("IndexError", "single positional indexer is out-of-bounds", 1,
                                      fr.pandas_iloc_out_of_bounds())),
    ("model.summary()", Crash("ValueError", "This model has not yet been built. Build the model first by calling "
                              "`build()` or by calling the model on a batch of data.", 1, fr.keras_summary_unbuilt())),
    ("r = requests.get(URL)", Crash("ConnectionError", "HTTPSConnectionPool(host='example.org', port=443): Max "
     "retries exceeded with url: /data.csv (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection "
     "object at 0x7f3c2a1b5d90>: Failed to establish a new connection: [Errno -3] Temporary failure in name "
     "resolution'))", 1, fr.requests_get())),
    ("acc = correct / total", Crash("ZeroDivisionError", "division by zero", 1)),
    ("df['YearsCode'] = df['YearsCode'].astype(int)", Crash("ValueError",
     "invalid literal for int() with base 10: '3+'", 1, fr.pandas_astype_int())),
]

# IPython frame-header styles with the site-packages root each one goes with.
STYLES = [
    ("cell8", "/opt/conda/lib/python3.10/site-packages/"),
    ("kaggle7", "/opt/conda/lib/python3.7/site-packages/"),
    ("ipy7", "/usr/local/lib/python3.8/dist-packages/"),
    ("input8", "/home/user/.local/lib/python3.9/site-packages/"),
    ("ipy7", "C:\\Users\\user\\anaconda3\\lib\\site-packages\\"),
]
