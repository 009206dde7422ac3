train_ds = keras.utils.image_dataset_from_directory('data/train', image_size=(180, 180))
model = keras.Sequential([layers.Rescaling(1 / 255), layers.Conv2D(32, 3, activation='relu'),
    layers.GlobalAveragePooling2D(), layers.Dense(1, activation='sigmoid')])
model.compile('adam', 'binary_crossentropy', metrics=['accuracy'])