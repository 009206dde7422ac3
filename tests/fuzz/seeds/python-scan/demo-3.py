base = keras.applications.ResNet50(include_top=False, weights='imagenet', input_shape=(512, 512, 3))
model = keras.Sequential([base, layers.GlobalAveragePooling2D(), layers.Dense(104, activation='softmax')])
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])