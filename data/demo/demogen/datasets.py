"""Sample rows and the recurring opening cells of the demo notebooks."""
from . import outputs as out

NAN = float("nan")

TITANIC = (["PassengerId", "Survived", "Pclass", "Sex", "Age", "SibSp", "Parch", "Fare", "Embarked"], [
    [1, 0, 3, "male", 22.0, 1, 0, 7.25, "S"],
    [2, 1, 1, "female", 38.0, 1, 0, 71.2833, "C"],
    [3, 1, 3, "female", 26.0, 0, 0, 7.925, "S"],
    [4, 1, 1, "female", 35.0, 1, 0, 53.1, "S"],
    [5, 0, 3, "male", 35.0, 0, 0, 8.05, "S"]], (891, 12))

HOUSE = (["Id", "MSSubClass", "LotArea", "OverallQual", "YearBuilt", "GrLivArea", "GarageCars", "SalePrice"], [
    [1, 60, 8450, 7, 2003, 1710, 2, 208500],
    [2, 20, 9600, 6, 1976, 1262, 2, 181500],
    [3, 60, 11250, 7, 2001, 1786, 2, 223500],
    [4, 70, 9550, 7, 1915, 1717, 3, 140000],
    [5, 60, 14260, 8, 2000, 2198, 3, 250000]], (1460, 81))

CHURN = (["customerID", "gender", "tenure", "Contract", "MonthlyCharges", "TotalCharges", "Churn"], [
    ["7590-VHVEG", "Female", 1, "Month-to-month", 29.85, "29.85", "No"],
    ["5575-GNVDE", "Male", 34, "One year", 56.95, "1889.5", "No"],
    ["3668-QPYBK", "Male", 2, "Month-to-month", 53.85, "108.15", "Yes"],
    ["7795-CFOCW", "Male", 45, "One year", 42.3, "1840.75", "No"],
    ["9237-HQITU", "Female", 2, "Month-to-month", 70.7, "151.65", "Yes"]], (7043, 21))

HEART = (["age", "sex", "cp", "trestbps", "chol", "fbs", "thalach", "target"], [
    [63, 1, 3, 145, 233, 1, 150, 1], [37, 1, 2, 130, 250, 0, 187, 1], [41, 0, 1, 130, 204, 0, 172, 1],
    [56, 1, 1, 120, 236, 0, 178, 1], [57, 0, 0, 120, 354, 0, 163, 1]], (303, 14))

IRIS = (["sepal_length", "sepal_width", "petal_length", "petal_width", "species"], [
    [5.1, 3.5, 1.4, 0.2, "setosa"], [4.9, 3.0, 1.4, 0.2, "setosa"], [4.7, 3.2, 1.3, 0.2, "setosa"],
    [4.6, 3.1, 1.5, 0.2, "setosa"], [5.0, 3.6, 1.4, 0.2, "setosa"]], (150, 5))

TWEETS = (["id", "keyword", "location", "text", "target"], [
    [1, NAN, NAN, "Our Deeds are the Reason of this #earthquake M...", 1],
    [4, NAN, NAN, "Forest fire near La Ronge Sask. Canada", 1],
    [5, NAN, NAN, "All residents asked to 'shelter in place' are ...", 1],
    [6, NAN, NAN, "13,000 people receive #wildfires evacuation or...", 1],
    [7, NAN, NAN, "Just got sent this photo from Ruby #Alaska as ...", 1]], (7613, 5))

SALES = (["date", "store_nbr", "family", "sales", "onpromotion"], [
    ["2013-01-01", 1, "AUTOMOTIVE", 0.0, 0], ["2013-01-01", 1, "BABY CARE", 0.0, 0],
    ["2013-01-01", 1, "BEAUTY", 0.0, 0], ["2013-01-01", 1, "BEVERAGES", 0.0, 0],
    ["2013-01-01", 1, "BOOKS", 0.0, 0]], (3000888, 6))

FRAUD = (["Time", "V1", "V2", "V3", "V4", "Amount", "Class"], [
    [0.0, -1.359807, -0.072781, 2.536347, 1.378155, 149.62, 0],
    [0.0, 1.191857, 0.266151, 0.16648, 0.448154, 2.69, 0],
    [1.0, -1.358354, -1.340163, 1.773209, 0.37978, 378.66, 0],
    [1.0, -0.966272, -0.185226, 1.792993, -0.863291, 123.5, 0],
    [2.0, -1.158233, 0.877737, 1.548718, 0.403034, 69.99, 0]], (284807, 31))


def head(ds):
    columns, rows, shape = ds
    return out.table(columns, rows)


TABULAR_IMPORTS = """import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
import seaborn as sns
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score"""

KERAS_IMPORTS = """import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers"""

TORCH_IMPORTS = """import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import DataLoader
import torchvision
import torchvision.transforms as transforms"""


def opening(nb, title, intro, imports, load, ds, shape_line=True):
    """Title, intro, imports and a loading cell that shows df.head()."""
    nb.heading(1, title)
    nb.md(intro)
    nb.code(imports)
    nb.heading(2, "Data loading")
    nb.code(load, head(ds))
    if shape_line:
        var = load.split("=")[0].strip().split("\n")[-1]
        nb.code(f"print({var}.shape)", out.stream(f"{ds[2]}\n"))
    return nb


def tf_banner():
    return out.stream("2.11.0\nNum GPUs Available:  1\n")


def epochs(n, loss0=0.69, acc0=0.61, steps=1875, val=True):
    """Keras fit progress lines."""
    lines = []
    for e in range(1, n + 1):
        loss, acc = loss0 / (1 + 0.6 * e), min(0.99, acc0 + 0.08 * e)
        line = f"Epoch {e}/{n}\n{steps}/{steps} [==============================] - 6s 3ms/step - loss: {loss:.4f} - accuracy: {acc:.4f}"
        if val:
            line += f" - val_loss: {loss * 1.1:.4f} - val_accuracy: {acc - 0.02:.4f}"
        lines.append(line)
    return out.stream("\n".join(lines) + "\n")
