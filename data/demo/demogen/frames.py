"""Library frames as the libraries really raise them (paths relative to
site-packages, qualified function names as IPython 8 prints them).

Line numbers follow the library versions of the time (pandas 1.5, sklearn
1.2, TF 2.11, torch 1.13/2.0); they only need to look right.
"""
from .traceback import Frame as F, CHAINED


def _wrapper():
    return F("pandas/util/_decorators.py", 211, "deprecate_kwarg.<locals>._deprecate_kwarg.<locals>.wrapper",
             "(*args, **kwargs)", "        return func(*args, **kwargs)",
             pre=["            else:", "                kwargs[new_arg_name] = new_arg_value"])


# -- pandas ------------------------------------------------------------------
def pandas_column_key(column):
    """df['x'] on a missing column: pandas chains the engine's KeyError."""
    inner = [
        F("pandas/core/indexes/base.py", 3802, "Index.get_loc", "(self, key, method, tolerance)",
          "    return self._engine.get_loc(casted_key)", pre=["try:"]),
        F("pandas/_libs/index.pyx", 138, "pandas._libs.index.IndexEngine.get_loc", "()", absolute=True),
        F("pandas/_libs/index.pyx", 165, "pandas._libs.index.IndexEngine.get_loc", "()", absolute=True),
        F("pandas/_libs/hashtable_class_helper.pxi", 5745,
          "pandas._libs.hashtable.PyObjectHashTable.get_item", "()", absolute=True),
        F("pandas/_libs/hashtable_class_helper.pxi", 5753,
          "pandas._libs.hashtable.PyObjectHashTable.get_item", "()", absolute=True),
    ]
    outer = [
        F("pandas/core/frame.py", 3807, "DataFrame.__getitem__", "(self, key)",
          "indexer = self.columns.get_loc(key)", pre=["if self.columns.nlevels > 1:",
                                                       "    return self._getitem_multilevel(key)"]),
        F("pandas/core/indexes/base.py", 3804, "Index.get_loc", "(self, key, method, tolerance)",
          "    raise KeyError(key) from err", pre=["except KeyError as err:"]),
    ]
    return outer, (inner, "KeyError", repr(column), CHAINED)


def pandas_getattr():
    return [F("pandas/core/generic.py", 5902, "NDFrame.__getattr__", "(self, name)",
              "    return object.__getattribute__(self, name)",
              pre=["    if self._info_axis._can_hold_identifiers_and_holds_name(name):",
                   "        return self[name]"])]


def pandas_read_csv_open():
    """read_csv down to the open() that fails."""
    return [
        _wrapper(),
        F("pandas/io/parsers/readers.py", 950, "read_csv", "(filepath_or_buffer, sep, delimiter, header, "
          "names, index_col, usecols, dtype, engine, converters, true_values, false_values, ...)",
          "return _read(filepath_or_buffer, kwds)", pre=["kwds.update(kwds_defaults)"]),
        F("pandas/io/parsers/readers.py", 605, "_read", "(filepath_or_buffer, kwds)",
          "parser = TextFileReader(filepath_or_buffer, **kwds)"),
        F("pandas/io/parsers/readers.py", 1442, "TextFileReader.__init__", "(self, f, engine, **kwds)",
          "self._engine = self._make_engine(f, self.engine)"),
        F("pandas/io/parsers/readers.py", 1735, "TextFileReader._make_engine", "(self, f, engine)",
          "self.handles = get_handle(", pre=["    if \"b\" not in mode:", "        mode += \"b\""]),
        F("pandas/io/common.py", 856, "get_handle", "(path_or_buf, mode, encoding, compression, memory_map, "
          "is_text, errors, storage_options)", "        handle = open(",
          pre=["    if ioargs.encoding and \"b\" not in ioargs.mode:", "        # Encoding"]),
    ]


def pandas_read_csv_decode():
    frames = pandas_read_csv_open()[:4]
    return frames + [
        F("pandas/io/parsers/readers.py", 1753, "TextFileReader._make_engine", "(self, f, engine)",
          "return mapping[engine](f, **self.options)"),
        F("pandas/io/parsers/c_parser_wrapper.py", 79, "CParserWrapper.__init__", "(self, src, **kwds)",
          "self._reader = parsers.TextReader(src, **kwds)"),
        F("pandas/_libs/parsers.pyx", 547, "pandas._libs.parsers.TextReader.__cinit__", "()", absolute=True),
        F("pandas/_libs/parsers.pyx", 636, "pandas._libs.parsers.TextReader._get_header", "()", absolute=True),
        F("pandas/_libs/parsers.pyx", 852, "pandas._libs.parsers.TextReader._tokenize_rows", "()", absolute=True),
        F("pandas/_libs/parsers.pyx", 1965, "pandas._libs.parsers.raise_parser_error", "()", absolute=True),
    ]


def pandas_to_csv_open():
    return [
        F("pandas/core/generic.py", 3720, "NDFrame.to_csv", "(self, path_or_buf, sep, na_rep, float_format, "
          "columns, header, index, index_label, mode, encoding, ...)",
          "return DataFrameRenderer(formatter).to_csv("),
        _wrapper(),
        F("pandas/io/formats/format.py", 1189, "DataFrameRenderer.to_csv", "(self, path_or_buf, encoding, sep, "
          "columns, index_label, mode, compression, quoting, ...)", "csv_formatter.save()"),
        F("pandas/io/formats/csvs.py", 241, "CSVFormatter.save", "(self)", "with get_handle(",
          pre=["# apply compression and byte/text conversion"]),
        F("pandas/io/common.py", 856, "get_handle", "(path_or_buf, mode, encoding, compression, memory_map, "
          "is_text, errors, storage_options)", "        handle = open("),
    ]


def pandas_iloc_out_of_bounds():
    return [
        F("pandas/core/indexing.py", 1073, "_LocationIndexer.__getitem__", "(self, key)",
          "    return self._getitem_axis(maybe_callable, axis=axis)",
          pre=["    maybe_callable = com.apply_if_callable(key, self.obj)"]),
        F("pandas/core/indexing.py", 1625, "_iLocIndexer._getitem_axis", "(self, key, axis)",
          "self._validate_integer(key, axis)", pre=["# validate the location"]),
        F("pandas/core/indexing.py", 1557, "_iLocIndexer._validate_integer", "(self, key, axis)",
          '    raise IndexError("single positional indexer is out-of-bounds")',
          pre=["if key >= len_axis or key < -len_axis:"]),
    ]


def pandas_astype_int():
    return [
        F("pandas/core/generic.py", 6240, "NDFrame.astype", "(self, dtype, copy, errors)",
          "    new_data = self._mgr.astype(dtype=dtype, copy=copy, errors=errors)",
          pre=["else:", "    # else, only a single dtype is given"]),
        F("pandas/core/internals/managers.py", 448, "BaseBlockManager.astype", "(self, dtype, copy, errors)",
          'return self.apply("astype", dtype=dtype, copy=copy, errors=errors)'),
        F("pandas/core/internals/managers.py", 352, "BaseBlockManager.apply", "(self, f, align_keys, "
          "ignore_failures, **kwargs)", "    applied = getattr(b, f)(**kwargs)"),
        F("pandas/core/internals/blocks.py", 526, "Block.astype", "(self, dtype, copy, errors)",
          "new_values = astype_array_safe(values, dtype, copy=copy, errors=errors)"),
        F("pandas/core/dtypes/astype.py", 299, "astype_array_safe", "(values, dtype, copy, errors)",
          "    new_values = astype_array(values, dtype, copy=copy)"),
        F("pandas/core/dtypes/astype.py", 230, "astype_array", "(values, dtype, copy)",
          "    values = astype_nansafe(values, dtype, copy=copy)"),
        F("pandas/core/dtypes/astype.py", 170, "astype_nansafe", "(arr, dtype, copy, skipna)",
          "    return arr.astype(dtype, copy=True)",
          pre=["if copy or is_object_dtype(arr.dtype) or is_object_dtype(dtype):",
               "    # Explicit copy, or required since NumPy can't view from / to object."]),
    ]


# -- scikit-learn --------------------------------------------------------------
def sk_validate(estimator_path, qual, call):
    """estimator.fit -> _validate_data -> check_X_y."""
    return [
        F(estimator_path, 684, qual, "(self, X, y, sample_weight)", call,
          pre=["accept_sparse = False if self.positive else [\"csr\", \"csc\", \"coo\"]", ""]),
        F("sklearn/base.py", 584, "BaseEstimator._validate_data", "(self, X, y, reset, validate_separately, "
          "**check_params)", "        X, y = check_X_y(X, y, **check_params)"),
        F("sklearn/utils/validation.py", 1124, "check_X_y", "(X, y, accept_sparse, accept_large_sparse, dtype, "
          "order, copy, force_all_finite, ensure_2d, allow_nd, multi_output, ensure_min_samples, "
          "ensure_min_features, y_numeric, estimator)", "X = check_array("),
    ]


def sk_inconsistent(estimator_path, qual):
    frames = sk_validate(estimator_path, qual, "X, y = self._validate_data(")[:2]
    return frames + [
        F("sklearn/utils/validation.py", 1124, "check_X_y", "(X, y, accept_sparse, accept_large_sparse, dtype, "
          "order, copy, force_all_finite, ensure_2d, allow_nd, multi_output, ensure_min_samples, "
          "ensure_min_features, y_numeric, estimator)", "check_consistent_length(X, y)",
          pre=["y = _check_y(y, multi_output=multi_output, y_numeric=y_numeric, estimator=estimator)", ""]),
        F("sklearn/utils/validation.py", 397, "check_consistent_length", "(*arrays)", "    raise ValueError(",
          pre=["uniques = np.unique(lengths)", "if len(uniques) > 1:"]),
    ]


def sk_not_finite(estimator_path, qual):
    return sk_validate(estimator_path, qual, "X, y = self._validate_data(") + [
        F("sklearn/utils/validation.py", 921, "check_array", "(array, accept_sparse, accept_large_sparse, "
          "dtype, order, copy, force_all_finite, ensure_2d, allow_nd, ensure_min_samples, "
          "ensure_min_features, estimator, input_name)", "    _assert_all_finite(",
          pre=["if force_all_finite:"]),
        F("sklearn/utils/validation.py", 161, "_assert_all_finite", "(X, allow_nan, msg_dtype, estimator_name, "
          "input_name)", "raise ValueError(msg_err)"),
    ]


def sk_to_float(estimator_path, qual):
    return sk_validate(estimator_path, qual, "X, y = self._validate_data(") + [
        F("sklearn/utils/validation.py", 879, "check_array", "(array, accept_sparse, accept_large_sparse, "
          "dtype, order, copy, force_all_finite, ensure_2d, allow_nd, ensure_min_samples, "
          "ensure_min_features, estimator, input_name)",
          "            array = _asarray_with_order(array, order=order, dtype=dtype, xp=xp)"),
        F("sklearn/utils/_array_api.py", 185, "_asarray_with_order", "(array, dtype, order, copy, xp)",
          "    array = numpy.asarray(array, order=order, dtype=dtype)"),
        F("pandas/core/generic.py", 2070, "NDFrame.__array__", "(self, dtype)",
          "return np.asarray(self._values, dtype=dtype)"),
    ]


def sk_check_is_fitted():
    return F("sklearn/utils/validation.py", 1390, "check_is_fitted", "(estimator, attributes, msg, all_or_any)",
             '    raise NotFittedError(msg % {"name": type(estimator).__name__})',
             pre=["if not _is_fitted(estimator, attributes, all_or_any):"])


def sk_not_fitted(module, qual):
    return [F(module, 975, qual, "(self, X, copy)", "check_is_fitted(self)",
              pre=["xp, _ = get_namespace(X)", ""]),
            sk_check_is_fitted()]


def sk_feature_names(qual):
    return [
        F("sklearn/ensemble/_forest.py", 820, qual, "(self, X)", "proba = self.predict_proba(X)"),
        F("sklearn/ensemble/_forest.py", 862, "ForestClassifier.predict_proba", "(self, X)",
          "X = self._validate_X_predict(X)"),
        F("sklearn/ensemble/_forest.py", 602, "BaseForest._validate_X_predict", "(self, X)",
          'X = self._validate_data(X, dtype=DTYPE, accept_sparse="csr", reset=False)'),
        F("sklearn/base.py", 518, "BaseEstimator._validate_data", "(self, X, y, reset, validate_separately, "
          "**check_params)", "self._check_feature_names(X, reset=reset)"),
        F("sklearn/base.py", 451, "BaseEstimator._check_feature_names", "(self, X, reset)",
          "raise ValueError(message)"),
    ]


def sk_targets(check):
    """accuracy_score and friends -> _check_targets."""
    last = {"mix": F("sklearn/metrics/_classification.py", 95, "_check_targets", "(y_true, y_pred)",
                     "    raise ValueError(", pre=["if len(y_type) > 1:"]),
            "length": F("sklearn/metrics/_classification.py", 86, "_check_targets", "(y_true, y_pred)",
                        "check_consistent_length(y_true, y_pred)")}[check]
    frames = [F("sklearn/metrics/_classification.py", 211, "accuracy_score",
                "(y_true, y_pred, normalize, sample_weight)",
                "y_type, y_true, y_pred = _check_targets(y_true, y_pred)",
                pre=["# Compute accuracy for each possible representation"]), last]
    if check == "length":
        frames.append(F("sklearn/utils/validation.py", 397, "check_consistent_length", "(*arrays)",
                        "    raise ValueError("))
    return frames


def sk_label_unseen():
    return [
        F("sklearn/preprocessing/_label.py", 138, "LabelEncoder.transform", "(self, y)",
          "return _encode(y, uniques=self.classes_)"),
        F("sklearn/utils/_encode.py", 227, "_encode", "(values, uniques, check_unknown)",
          '        raise ValueError(f"y contains previously unseen labels: {str(e)}")',
          pre=["    except KeyError as e:"]),
    ]


def sk_grid_invalid_param():
    return [
        F("sklearn/model_selection/_search.py", 874, "BaseSearchCV.fit", "(self, X, y, groups, **fit_params)",
          "self._run_search(evaluate_candidates)"),
        F("sklearn/model_selection/_search.py", 1388, "GridSearchCV._run_search", "(self, evaluate_candidates)",
          "evaluate_candidates(ParameterGrid(self.param_grid))"),
        F("sklearn/model_selection/_search.py", 821, "BaseSearchCV.fit.<locals>.evaluate_candidates",
          "(candidate_params, cv, more_results)", "out = parallel("),
        F("sklearn/base.py", 205, "BaseEstimator.set_params", "(self, **params)", "raise ValueError(",
          pre=["if key not in valid_params:", "    local_valid_params = self._get_param_names()"]),
    ]


# -- Keras / TensorFlow ----------------------------------------------------------
def keras_error_handler():
    return [F("keras/utils/traceback_utils.py", 70, "filter_traceback.<locals>.error_handler",
              "(*args, **kwargs)", "    raise e.with_traceback(filtered_tb) from None",
              pre=["    # To get the full stack trace, call:", "    # `tf.debugging.disable_traceback_filtering()`"])]


def keras_fit_autograph():
    return keras_error_handler() + [
        F("/tmp/__autograph_generated_filez7k2q1sd.py", 15,
          "outer_factory.<locals>.inner_factory.<locals>.tf__train_function", "(iterator)",
          "                retval_ = ag__.converted_call(ag__.ld(step_function), (ag__.ld(self), "
          "ag__.ld(iterator)), None, fscope)", absolute=True,
          pre=["                do_return = True"]),
    ]


def keras_summary_unbuilt():
    return [F("keras/engine/training.py", 3215, "Model.summary", "(self, line_length, positions, print_fn, "
              "expand_nested, show_trainable, layer_range)", "    raise ValueError(",
              pre=["if not self.built:"])]


def tf_execute():
    return [F("tensorflow/python/eager/execute.py", 52, "quick_execute",
              "(op_name, num_outputs, inputs, attrs, ctx, name)",
              "  tensors = pywrap_tfe.TFE_Py_Execute(ctx._handle, device_name, op_name,",
              pre=["  ctx.ensure_initialized()"])]


def tf_memory_growth():
    return [
        F("tensorflow/python/framework/config.py", 754, "set_memory_growth", "(device, enable)",
          "context.context().set_memory_growth(device, enable)"),
        F("tensorflow/python/eager/context.py", 1767, "Context.set_memory_growth", "(self, dev, enable)",
          "  raise RuntimeError(", pre=["if self._context_handle is not None:"]),
    ]


# -- PyTorch -------------------------------------------------------------------------
def torch_call_impl():
    return F("torch/nn/modules/module.py", 1501, "Module._call_impl", "(self, *args, **kwargs)",
             "    return forward_call(*args, **kwargs)",
             pre=["        or _global_forward_hooks or _global_forward_pre_hooks):"])


def torch_linear():
    return [torch_call_impl(),
            F("torch/nn/modules/linear.py", 114, "Linear.forward", "(self, input)",
              "    return F.linear(input, self.weight, self.bias)",
              pre=["def forward(self, input: Tensor) -> Tensor:"])]


def torch_conv():
    return [torch_call_impl(),
            F("torch/nn/modules/conv.py", 463, "Conv2d.forward", "(self, input)",
              "    return self._conv_forward(input, self.weight, self.bias)"),
            F("torch/nn/modules/conv.py", 459, "Conv2d._conv_forward", "(self, input, weight, bias)",
              "return F.conv2d(input, weight, bias, self.stride,",
              pre=["                    _pair(0), self.dilation, self.groups)"])]


def torch_backward():
    return [F("torch/_tensor.py", 487, "Tensor.backward", "(self, gradient, retain_graph, create_graph, inputs)",
              "torch.autograd.backward(", pre=["    )"]),
            F("torch/autograd/__init__.py", 200, "backward", "(tensors, grad_tensors, retain_graph, "
              "create_graph, grad_variables, inputs)",
              "Variable._execution_engine.run_backward(  # Calls into the C++ engine to run the backward pass",
              pre=["# some Python versions print out the first line of a multi-line function"])]


def torch_load_state_dict():
    return [F("torch/nn/modules/module.py", 2041, "Module.load_state_dict", "(self, state_dict, strict)",
              "    raise RuntimeError('Error(s) in loading state_dict for {}:\\n\\t{}'.format(",
              pre=["if len(error_msgs) > 0:"])]


# -- others ---------------------------------------------------------------------------
def mpl_plot_shapes():
    return [
        F("matplotlib/pyplot.py", 2812, "plot", "(scalex, scaley, data, *args, **kwargs)",
          "return gca().plot(", pre=["@_copy_docstring_and_deprecators(Axes.plot)"]),
        F("matplotlib/axes/_axes.py", 1688, "Axes.plot", "(self, scalex, scaley, data, *args, **kwargs)",
          "lines = [*self._get_lines(*args, data=data, **kwargs)]"),
        F("matplotlib/axes/_base.py", 311, "_process_plot_var_args.__call__", "(self, data, *args, **kwargs)",
          "yield from self._plot_args("),
        F("matplotlib/axes/_base.py", 504, "_process_plot_var_args._plot_args",
          "(self, tup, kwargs, return_kwargs, ambiguous_fmt_datakey)",
          '    raise ValueError(f"x and y must have same first dimension, but "',
          pre=["if x.shape[0] != y.shape[0]:"]),
    ]


def seaborn_histplot_kwarg():
    return [
        F("seaborn/distributions.py", 1418, "histplot", "(data, x, y, hue, weights, stat, bins, binwidth, "
          "binrange, discrete, cumulative, common_bins, common_norm, multiple, element, fill, shrink, kde, "
          "kde_kws, line_kws, thresh, pthresh, pmax, cbar, cbar_ax, cbar_kws, palette, hue_order, hue_norm, "
          "color, log_scale, legend, ax, **kwargs)", "    p.plot_univariate_histogram("),
        F("seaborn/distributions.py", 571, "_DistributionPlotter.plot_univariate_histogram",
          "(self, multiple, element, fill, common_norm, common_bins, shrink, kde, kde_kws, color, legend, "
          "line_kws, estimate_kws, **plot_kws)", "artists = plot_func("),
        F("matplotlib/__init__.py", 1442, "_preprocess_data.<locals>.inner", "(ax, data, *args, **kwargs)",
          "    return func(ax, *map(sanitize_sequence, args), **kwargs)"),
        F("matplotlib/axes/_axes.py", 2480, "Axes.bar", "(self, x, height, width, bottom, align, **kwargs)",
          "r._internal_update(kwargs)"),
        F("matplotlib/artist.py", 1223, "Artist._internal_update", "(self, kwargs)",
          "return self._update_props("),
        F("matplotlib/artist.py", 1197, "Artist._update_props", "(self, props, errfmt)",
          "    raise AttributeError(", pre=["if not callable(func):"]),
    ]


def requests_get():
    return [
        F("requests/api.py", 73, "get", "(url, params, **kwargs)",
          '    return request("get", url, params=params, **kwargs)'),
        F("requests/api.py", 59, "request", "(method, url, **kwargs)",
          "    return session.request(method=method, url=url, **kwargs)",
          pre=["with sessions.Session() as session:"]),
        F("requests/sessions.py", 589, "Session.request", "(self, method, url, params, data, headers, cookies, "
          "files, auth, timeout, allow_redirects, proxies, hooks, stream, verify, cert, json)",
          "resp = self.send(prep, **send_kwargs)"),
        F("requests/sessions.py", 703, "Session.send", "(self, request, **kwargs)",
          "r = adapter.send(request, **kwargs)", pre=["# Send the request"]),
        F("requests/adapters.py", 519, "HTTPAdapter.send", "(self, request, stream, timeout, verify, cert, proxies)",
          "    raise ConnectionError(e, request=request)", pre=["        raise SSLError(e, request=request)", ""]),
    ]


def urllib3_retry():
    """The urllib3 error that requests' ConnectionError is handling."""
    return [
        F("urllib3/connectionpool.py", 787, "HTTPConnectionPool.urlopen", "(self, method, url, body, headers, "
          "retries, redirect, assert_same_host, timeout, pool_timeout, release_conn, chunked, body_pos, "
          "**response_kw)", "retries = retries.increment("),
        F("urllib3/util/retry.py", 592, "Retry.increment", "(self, method, url, response, error, _pool, "
          "_stacktrace)", "    raise MaxRetryError(_pool, url, error or ResponseError(cause))",
          pre=["if new_retry.is_exhausted():"]),
    ]


def nltk_punkt():
    return [
        F("nltk/tokenize/__init__.py", 129, "word_tokenize", "(text, language, preserve_line)",
          "sentences = [text] if preserve_line else sent_tokenize(text, language)"),
        F("nltk/tokenize/__init__.py", 106, "sent_tokenize", "(text, language)",
          'tokenizer = load(f"tokenizers/punkt/{language}.pickle")'),
        F("nltk/data.py", 750, "load", "(resource_url, format, cache, verbose, logic_parser, fstruct_reader, "
          "encoding)", "opened_resource = _open(resource_url)", pre=["# Load the resource."]),
        F("nltk/data.py", 876, "_open", "(resource_url)", 'return find(path_, path + [""]).open()'),
        F("nltk/data.py", 583, "find", "(resource_name, paths)", "raise LookupError(resource_not_found)"),
    ]


def xgb_fit_dtypes():
    return [
        F("xgboost/core.py", 620, "require_keyword_args.<locals>.throw_if.<locals>.inner_f", "(*args, **kwargs)",
          "return func(**kwargs)"),
        F("xgboost/sklearn.py", 1471, "XGBClassifier.fit", "(self, X, y, sample_weight, base_margin, eval_set, "
          "eval_metric, early_stopping_rounds, verbose, xgb_model, sample_weight_eval_set, "
          "base_margin_eval_set, feature_weights, callbacks)", "train_dmatrix, evals = _wrap_evaluation_matrices("),
        F("xgboost/sklearn.py", 448, "_wrap_evaluation_matrices", "(missing, X, y, group, qid, sample_weight, "
          "base_margin, feature_weights, eval_set, sample_weight_eval_set, base_margin_eval_set, eval_group, "
          "eval_qid, create_dmatrix, enable_categorical, feature_types)", "train_dmatrix = create_dmatrix("),
        F("xgboost/data.py", 308, "_invalid_dataframe_dtype", "(data)", "raise ValueError(msg)"),
    ]


def psycopg2_connect():
    return [F("psycopg2/__init__.py", 122, "connect", "(dsn, connection_factory, cursor_factory, **kwargs)",
              "conn = _connect(dsn, connection_factory=connection_factory, **kwasync)",
              pre=["dsn = _ext.make_dsn(dsn, **kwargs)"])]


def numpy_concatenate():
    return [F("<__array_function__ internals>", 180, "concatenate", "(*args, **kwargs)", absolute=True)]



def pandas_columns_missing():
    """df[[...]] with a column that is not there."""
    return [
        F("pandas/core/frame.py", 3813, "DataFrame.__getitem__", "(self, key)",
          '    indexer = self.columns._get_indexer_strict(key, "columns")[1]',
          pre=["    if is_iterator(key):", "        key = list(key)"]),
        F("pandas/core/indexes/base.py", 6070, "Index._get_indexer_strict", "(self, key, axis_name)",
          "self._raise_if_missing(keyarr, indexer, axis_name)"),
        F("pandas/core/indexes/base.py", 6133, "Index._raise_if_missing", "(self, key, indexer, axis_name)",
          'raise KeyError(f"{not_found} not in index")',
          pre=["not_found = list(ensure_index(key)[missing_mask.nonzero()[0]].unique())"]),
    ]
