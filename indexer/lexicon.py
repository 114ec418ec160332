"""Everyday ways of saying what study notes on ML and AWS name, so a question in everyday words also
searches for the notes' own term: "false alarm" for false positive, "switching off units" for dropout,
"standard deviation" for the notes' "std dev" (query.Planner glosses).

Written for asknotes by two helpers that saw only the bundled notes and their outline (never the
eval's questions), from general knowledge: a first list, then more phrasings and 40 more terms. Then
names of other products, tools and methods were taken out ("kafka", "isolation forest": those are
unknown names, aliases.NAMED_THINGS), and so were acronyms (aliases.GLOSSARY expands those). A term
is used only where the notes write it.
"""

from __future__ import annotations

# the notes' term -> everyday phrases for it
LAY_PHRASES: dict[str, tuple[str, ...]] = {
    "normal distribution": (
        "bell curve", "bell shaped curve", "bell-shaped curve", "gaussian distribution", "gaussian",
        "bell shaped", "normally distributed", "standard normal", "symmetric around the mean", "empirical rule",
        "68 95 99.7 rule",
    ),
    "poisson": (
        "events per time interval", "number of arrivals per hour", "count of occurrences per period",
        "rare event counts", "events per hour", "calls per minute", "arrivals per minute", "customers per hour",
        "arrival rate", "occurrences per interval", "defects per unit", "events in a period",
    ),
    "binomial": (
        "heads in ten tosses", "successes in n trials", "repeated coin flips", "count of successes",
        "count of heads", "successes out of n", "how many heads", "flip a coin ten times",
        "fixed number of trials", "pass fail trials",
    ),
    "bernoulli": (
        "single coin flip", "one coin toss", "single yes or no trial", "one success or failure", "single trial",
        "flip a coin once", "toss a coin once", "single binary outcome", "one yes or no outcome",
    ),
    "seasonality": (
        "repeating yearly pattern", "recurring pattern", "periodic pattern", "same time every year",
        "holiday spikes", "weekly cycle", "cyclical pattern", "seasonal pattern", "seasonal effect",
        "repeats every year", "repeats every week", "same time each year", "daily cycle", "summer peak",
        "christmas spike",
    ),
    "trends": (
        "long term direction", "long-term direction", "general upward movement", "overall direction over time",
        "upward drift", "downward drift", "long run direction", "steady growth over time",
        "gradual increase over time", "gradual decline over time", "upward trajectory", "downward trajectory",
        "underlying direction",
    ),
    "supervised": (
        "learning with an answer key", "training with correct answers", "known target values", "known outcomes",
        "learn from labeled examples", "learn from labelled examples", "input output pairs",
        "examples with answers", "predict a known target", "with known answers",
    ),
    "unsupervised": (
        "learning without labels", "learns without labels", "no target variable", "find hidden structure",
        "no answer key", "without an answer key", "finds patterns by itself", "discover patterns on its own",
        "learns structure on its own", "no right answers given",
    ),
    "reinforcement learning": (
        "learning by playing", "agent in an environment", "agent learns by doing", "penalties and bonuses",
        "carrot and stick", "reward signal", "rewards and punishments", "maximize cumulative reward",
        "maximise cumulative reward", "learns from rewards", "agent takes actions", "game playing agent",
        "q learning", "q value", "q table",
    ),
    "gradient descent": (
        "walking downhill", "going downhill", "steps downhill", "rolling down the hill",
        "descend the error surface", "steepest descent", "follow the slope", "following the slope",
        "downhill steps", "head downhill", "move against the slope", "step toward lower error",
        "iteratively minimize error", "slope of the error",
    ),
    "local minima": (
        "stuck in a valley", "false bottom", "not the lowest point", "suboptimal valley", "local minimum",
        "stuck in a dip", "not the global minimum", "instead of the global minimum", "trapped in a valley",
        "suboptimal solution", "wrong valley", "false minimum", "stuck at a suboptimal point",
    ),
    "learning rate": (
        "how big each update is", "how fast the model learns", "size of weight updates", "update size",
        "learning speed", "step size too big", "steps too large", "step size too small", "overshoots the minimum",
        "jumps past the minimum", "loss bounces around", "too slow to converge", "training diverges",
    ),
    "regularization": (
        "penalize complexity", "penalizing large weights", "keep the model simple", "complexity penalty",
        "weight penalty", "stop memorizing", "prevent memorization", "regularisation", "reduce overfitting",
        "combat overfitting", "fight overfitting", "reduce model complexity", "penalty term", "add a penalty",
        "constrain the model",
    ),
    "overfitting": (
        "memorize", "memorizes", "memorizing", "memorized", "memorise", "memorises", "memorising",
        "memorize the training data", "fails on new data", "does not generalize", "doesn't generalize",
        "poor generalization", "great on training data", "high variance model", "fits the noise",
        "learns the noise", "poor on unseen data", "bad on new data", "worse on test data",
        "high training accuracy low test", "too closely fitted",
    ),
    "dropout": (
        "turn off neurons", "turning off neurons", "switching off units", "switch off neurons",
        "randomly drop nodes", "randomly disable neurons", "randomly deactivate units", "randomly ignore neurons",
        "randomly zero out activations", "randomly drop neurons", "drop random units", "disable random neurons",
        "switch off random neurons", "turn off random units", "randomly knock out neurons",
        "ignore random neurons",
    ),
    "early stopping": (
        "halt training", "halting training", "quit training sooner", "cut training short",
        "end training before overfitting", "stop when validation loss rises", "stop training early",
        "stopping training early", "end training early", "stop before overfitting",
        "stop when validation error rises", "validation loss stops improving",
        "validation error starts increasing", "quit when validation worsens",
    ),
    "l1 regularization": (
        "lasso regression", "lasso penalty", "absolute value penalty", "sparse weights", "zero out weights",
        "weights set to zero", "sum of absolute weights", "absolute weights penalty", "drives weights to zero",
        "weights go to zero", "some weights become zero", "sparse model", "sparse solution",
    ),
    "l2": (
        "ridge regression", "ridge penalty", "squared weight penalty", "shrink the weights",
        "sum of squared weights", "squared magnitude penalty", "shrink weights toward zero",
        "shrinks the coefficients", "keeps all features", "no weights become zero", "weight decay",
    ),
    "hyperparameters": (
        "tuning knobs", "knobs to tune", "settings chosen before training", "training settings", "model settings",
        "configuration knobs", "chosen before training", "fixed before training", "not learned from data",
        "user defined settings", "tunable settings", "configuration values", "dials to adjust",
    ),
    "batch size": (
        "minibatch", "mini-batch", "mini batch", "examples per update", "samples per step",
        "samples processed together", "samples per iteration", "examples per iteration",
        "examples per gradient step", "records per step", "how many samples at once", "samples per batch",
    ),
    "epoch": (
        "full pass over the data", "one pass through the dataset", "complete pass through training set",
        "passes over the data", "training passes", "full sweep over the dataset", "number of passes",
        "how many passes", "times through the data", "pass through all the data", "entire dataset once",
        "sweep through the data", "full training cycle",
    ),
    "cross validation": (
        "rotate the holdout", "rotating validation sets", "repeated train test splits", "leave one out",
        "leave-one-out", "crossvalidation", "split into k parts", "k equal chunks", "kfold", "rotating holdout",
        "rotate the held out part", "each chunk takes a turn", "average over several splits",
        "multiple train test splits", "each part held out once", "validate on every subset",
        "rotation of test sets",
    ),
    "feature engineering": (
        "create new columns", "creating new columns", "derive new variables", "derived columns",
        "crafting new inputs", "combining columns", "feature creation", "feature construction",
        "build new features", "creating features", "day of week from date", "ratio of two columns",
        "transform raw columns", "combine two columns",
    ),
    "feature selection": (
        "choose which columns to keep", "pick useful columns", "picking input variables",
        "drop irrelevant inputs", "which inputs to keep", "remove useless columns", "variable selection",
        "which features matter", "keep only relevant features", "remove irrelevant features",
        "drop unneeded columns", "prune features", "select best columns", "discard useless features",
    ),
    "dimension reduction": (
        "fewer columns", "reduce number of columns", "reduce the number of inputs", "too many columns",
        "compress the inputs", "dimensionality reduction", "fewer features", "too many features",
        "too many variables", "curse of dimensionality", "compress features", "shrink the feature space",
        "squash many columns", "reduce feature count",
    ),
    "principal component analysis": (
        "eigenvectors", "eigenvalues", "main axes of variation", "directions of most variance", "principal axes",
        "orthogonal components", "principal components", "explained variance", "first component",
        "uncorrelated components", "orthogonal axes", "rotate the axes", "project onto fewer axes",
        "axes of greatest variance", "eigen decomposition",
    ),
    "imputation": (
        "fill in blanks", "filling in blanks", "fill empty cells", "filling empty cells", "fill nulls",
        "fill in nulls", "replace nulls", "fill gaps in data", "blank values", "nan values", "imputing",
        "missing values", "missing entries", "null values", "empty values", "fill missing values",
        "fill in missing", "fill the holes", "gaps in the data",
    ),
    "outlier": (
        "extreme values", "extreme value", "unusual data points", "odd values", "values far from the rest",
        "abnormal data points", "extreme observations", "extremely large values", "stray data points",
        "values way off", "far from the mean", "points far from others", "weird values", "freak values",
    ),
    "anomaly detection": (
        "spot unusual behavior", "spot unusual behaviour", "abnormal patterns", "odd readings",
        "unexpected spikes", "detect weird events", "novelty detection", "anomalies", "unusual transactions",
        "suspicious activity", "strange behavior", "strange behaviour", "out of the ordinary",
        "detect abnormalities", "unusual events", "irregular activity",
    ),
    "random cut forest": (
        "rcf", "anomaly score", "anomaly algorithm", "built in anomaly detector", "outlier algorithm",
        "random cut trees",
    ),
    "std dev": (
        "standard deviation", "stdev", "stddev", "spread around the average", "sigma", "two sigma",
        "how spread out", "typical distance from the mean", "deviation from the mean",
    ),
    "unbalanced data": (
        "imbalanced classes", "class imbalance", "imbalanced dataset", "imbalanced data", "skewed classes",
        "lopsided classes", "one class dominates", "rare class", "minority class", "uneven classes",
        "unequal class sizes", "skewed dataset", "rare positives", "very few positive cases",
        "disproportionate classes", "most examples one class",
    ),
    "oversample": (
        "upsampling", "upsample rare examples", "duplicate rare examples", "copy rare class samples",
        "over-sampling", "duplicate minority samples", "repeat minority examples", "replicate rare cases",
        "resample the minority", "increase the minority class", "copy minority examples",
    ),
    "undersample": (
        "downsampling", "downsample the common class", "drop common class examples", "throw away common examples",
        "undersampling", "under-sampling", "drop majority samples", "remove majority examples",
        "discard majority class", "reduce the majority class", "shrink the majority class",
        "fewer majority examples", "throw away majority rows",
    ),
    "smote": (
        "create rare examples by interpolation", "interpolated samples", "interpolate between neighbours",
        "interpolate between neighbors", "generate new minority examples", "interpolate minority points",
        "new points between neighbours", "new points between neighbors", "interpolating between neighbours",
    ),
    "synthesize": (
        "simulated data", "artificial data", "made up data", "made-up data", "generate extra samples",
        "synthetic data", "fabricated data", "manufacture training data", "create extra examples",
        "generate artificial examples", "simulate more samples", "data generation",
    ),
    "preprocessing image data": (
        "image augmentation", "augment images", "augmenting images", "data augmentation", "flip images",
        "crop images", "too few images", "rotating images", "rotate pictures", "mirror images",
        "adjust image brightness", "not enough images", "few images per class", "augmented images",
        "image transformations",
    ),
    "one hot encoding": (
        "dummy variables", "dummy columns", "indicator variables", "one column per category", "get_dummies",
        "one-hot", "onehot", "encode categorical variables", "encoding categorical data",
        "categorical to numeric", "categories into columns", "one column per value", "binary indicator columns",
        "dummy encoding", "indicator columns",
    ),
    "binning": (
        "bucketing", "bucketize", "group numbers into ranges", "group values into ranges", "age ranges",
        "discretize", "discretization", "discretizing", "bucket values", "put values into buckets",
        "age brackets", "age groups", "income brackets", "numeric ranges", "continuous to categorical",
        "group into intervals",
    ),
    "quantile binning": (
        "equal frequency bucketing", "equal frequency bins", "percentile buckets", "quartiles", "deciles",
        "equal count buckets", "equal count bins", "equal population bins", "same number per bucket",
        "percentile bins", "quintiles", "equal frequency buckets",
    ),
    "randomize": (
        "shuffle the data", "shuffling the data", "shuffle the rows", "shuffle rows", "mix up the order",
        "shuffling the dataset", "shuffle data", "shuffled data", "shuffle the records", "random order",
        "permute the rows", "remove order bias", "scramble the rows", "mix the records",
    ),
    "split data": (
        "train test split", "train-test split", "carve out a test set", "partition the dataset",
        "divide the dataset", "holdout set", "dev set", "training and test sets", "train validation test",
        "80 20 split", "70 30 split", "three way split", "hold out a test set", "data partitioning",
        "separate test data",
    ),
    "recordio": (
        "protobuf", "protocol buffers", "binary record format", "binary training format", "serialized records",
        "packed binary records", "preferred input format", "optimized data format",
    ),
    "pipe mode": (
        "stream from s3", "streaming training data", "no download before training", "without downloading first",
        "stream the dataset", "streaming input mode", "stream data into training", "no local copy",
        "avoid downloading the dataset", "skip the download", "start training without download",
    ),
    "vanishing gradient": (
        "gradients shrink", "gradients become tiny", "gradients disappear", "shrinking gradients",
        "early layers stop learning", "deep network won't learn", "gradients get tiny",
        "gradients become very small", "gradients get smaller", "gradient gets very small", "gradients vanish",
        "tiny gradients", "deep network stops learning", "first layers learn slowly",
    ),
    "gradient checking": (
        "verify backprop", "debug backpropagation", "finite differences", "finite difference check", "grad check",
        "verify gradients", "validate gradients", "numerical gradient", "numerical derivatives",
        "compare numerical gradients", "test backprop code", "debug neural network code", "check my derivatives",
    ),
    "lstm": (
        "forget gate", "input and forget gates", "remember long sequences", "long term dependencies",
        "long-term dependencies", "cell state", "gated memory", "long range dependencies", "long range context",
        "remember things longer", "remember earlier inputs", "output gate", "three gates",
    ),
    "residual networks": (
        "skip connections", "shortcut connections", "identity shortcuts", "skip layers", "residual connections",
        "residual blocks", "identity mapping", "bypass connections", "skipping layers", "add input to output",
        "hundreds of layers",
    ),
    "relu": (
        "max of zero and x", "ramp function", "hockey stick activation", "negatives become zero", "rectifier",
        "max of 0 and x", "zero for negative inputs", "clips negatives to zero", "outputs zero below zero",
        "positive part function", "ramp activation",
    ),
    "sigmoid": (
        "s-curve", "s curve", "squash between 0 and 1", "logistic function", "logistic curve",
        "squashing function", "squash into a probability", "multi label", "multilabel",
        "multiple labels per image",
    ),
    "tanh": (
        "hyperbolic tangent", "zero centered activation", "zero centred activation", "minus one to one",
        "range minus one to one",
    ),
    "softmax": (
        "probabilities that sum to one", "probabilities summing to 1", "normalized exponential",
        "multiclass probabilities", "probability for each class", "class probabilities",
        "mutually exclusive classes", "one label per image", "single label classification",
        "last layer multiclass", "normalize outputs to probabilities", "normalise outputs to probabilities",
    ),
    "activation function": (
        "transfer function", "firing function", "neuron firing", "neuron output function", "neuron activation",
        "activation layer", "nonlinear transform", "nonlinear function", "which activation to use",
    ),
    "hidden layers": (
        "middle layers", "intermediate layers", "inner layers", "layers in between",
        "layers between input and output", "internal layers", "stacked layers",
    ),
    "bias": (
        "intercept term", "offset term", "y intercept", "constant offset", "shift the activation",
        "added constant",
    ),
    "back propagation": (
        "backpropagation", "backward pass", "chain rule", "propagate errors backwards", "pass errors backwards",
        "backpropagate", "backpropagating", "gradients flow backward", "propagate the error back",
        "send error back", "backward through the network", "compute weight gradients",
    ),
    "loss function": (
        "cost function", "objective function", "error function", "how wrong the model is",
        "penalty for wrong predictions", "training loss", "what the model minimizes", "quantity being minimized",
        "measure of error", "error to minimize", "objective to minimize", "how far off predictions are",
    ),
    "forward pass": (
        "forward propagation", "forward prop", "feedforward", "feed forward", "inputs flow forward",
        "forward computation", "pass inputs through the network", "compute predictions layer by layer",
    ),
    "convolutional nn": (
        "convnet", "convnets", "sliding filters over images", "feature maps", "pooling layers",
        "convolution filters", "sliding window over pixels", "filters slide over", "kernel slides",
        "local receptive fields", "translation invariance", "spatial patterns",
    ),
    "recurrent nn": (
        "looping network", "feedback connections", "hidden state", "remembers previous steps",
        "remembers earlier words", "sequential data", "remember past inputs", "memory of previous inputs",
        "output fed back", "loops back on itself", "processes sequences", "time steps",
    ),
    "transfer learning": (
        "reuse a pretrained model", "fine tune a pretrained model", "fine-tune a pretrained model",
        "reuse learned weights", "start from existing weights", "fine tuning", "pretrained network",
        "pre-trained weights", "pretrained weights", "retrain the last layer", "reuse an existing model",
        "start from a trained model",
    ),
    "logistical regression": (
        "logistic regression", "logit", "logit model", "logistic model",
        "predict a binary outcome", "yes or no prediction", "probability of a yes",
    ),
    "linear regression": (
        "line of best fit", "best fit line", "straight line fit", "least squares", "ordinary least squares",
        "fit a line", "fitting a line", "regression line", "slope and intercept", "linear relationship",
        "straight line relationship",
    ),
    "svms": (
        "support vector machine", "support vector machines", "support vectors", "maximum margin",
        "max margin classifier", "widest margin", "separating hyperplane", "maximize the margin",
        "maximise the margin", "widest gap between classes", "largest gap between classes", "best dividing line",
        "margin classifier",
    ),
    "decision trees": (
        "flowchart model", "if-then rules", "if then rules", "series of yes no questions", "tree of questions",
        "tree model", "single tree", "tree classifier", "if else rules", "branching rules", "series of questions",
        "leaf nodes",
    ),
    "random forests": (
        "many trees voting", "multiple trees vote", "bagged trees", "tree ensemble", "forest of trees",
        "collection of trees", "trees vote", "majority vote of trees", "random feature subsets",
        "averaging many trees", "lots of trees", "multiple decision trees",
    ),
    "clustering": (
        "customer segmentation", "segment customers", "group similar items", "grouping similar records",
        "natural groups", "cluster analysis", "segment users", "group customers", "find groups in data",
        "similar items together", "market segmentation", "group data points", "find segments",
    ),
    "k-means": (
        "centroids", "centroid", "kmeans", "k means", "cluster centers", "cluster centres",
        "assign to nearest center", "assign to nearest centre", "iterate until centers stop moving",
    ),
    "elbow": (
        "choosing k", "optimal k", "how many groups", "right number of groups", "pick the number of groups",
        "how many clusters", "best number of clusters", "optimal number of clusters", "choose number of clusters",
        "choosing number of clusters", "right number of clusters",
    ),
    "k-nearest neighbour": (
        "k nearest neighbors", "k-nearest neighbor", "nearest neighbor", "closest data points vote",
        "closest examples vote", "closest neighbours", "closest neighbors", "k closest points", "neighbours vote",
        "neighbors vote", "majority of neighbours", "majority of neighbors", "lazy learner",
    ),
    "topic discovery": (
        "discover themes", "find themes in documents", "themes in text", "what documents are about",
        "group articles by subject", "topic model", "lda model", "latent topics", "uncover topics", "find topics",
        "topics in documents", "group documents by topic", "themes across documents", "what topics appear",
        "subjects in articles",
    ),
    "stop words": (
        "filler words", "function words", "stopwords", "common words like the", "remove common words",
        "very common words", "frequent uninformative words", "noise words", "meaningless words",
        "words such as the",
    ),
    "stemming": (
        "reduce words to root", "word roots", "root form of words", "strip suffixes", "chop word endings",
        "root words", "base form of words", "strip word endings", "chop off suffixes", "word stem",
        "same root word", "remove suffixes",
    ),
    "tokenize": (
        "tokenization", "tokenizing", "tokenise", "split text into words", "split sentence into words",
        "break text into pieces", "tokenizer", "tokeniser", "split into tokens", "break into words",
        "split text into tokens", "word splitting",
    ),
    "tf-idf": (
        "tfidf", "word importance score", "downweight common words", "weight rare words higher", "term weighting",
        "word frequency weighting", "how important a word is", "rare words count more", "word relevance score",
        "penalize frequent words", "common words weigh less", "bag of words weighting",
    ),
    "n-grams": (
        "ngrams", "ngram", "word sequences", "groups of adjacent words", "shingles", "word pairs",
        "two word phrases", "pairs of adjacent words", "trigrams", "three word phrases", "sequences of words",
        "word combinations", "consecutive tokens", "sliding window of words", "adjacent word pairs",
    ),
    "neural networks": (
        "multilayer perceptron", "perceptron", "artificial neurons", "layers of neurons", "network of neurons",
        "brain inspired model", "interconnected neurons", "deep net",
    ),
    "confusion matrix": (
        "error matrix", "contingency table", "actual vs predicted table", "predicted vs actual",
        "correct vs wrong predictions table", "prediction table", "classification table",
        "misclassification table", "which classes get confused", "matrix of errors", "actual versus predicted",
        "predicted versus actual",
    ),
    "true positive": (
        "correctly flagged", "correct detection", "correctly caught", "correctly identified positive",
        "correctly detected", "correctly predicted positive", "correct positive prediction", "rightly flagged",
        "correct hit", "actual positive caught",
    ),
    "false positive": (
        "false alarm", "false alarms", "wrongly flagged", "flagged by mistake", "incorrectly flagged",
        "type i error", "type 1 error", "false alert", "wrongly accused", "mistakenly flagged",
        "flagged in error", "incorrectly predicted positive", "wrongly labeled positive", "spurious alert",
    ),
    "false negative": (
        "missed detection", "missed case", "missed positives", "slipped through", "failed to catch",
        "type ii error", "type 2 error", "went undetected", "failed to detect", "undetected cases",
        "incorrectly predicted negative", "wrongly cleared", "missed a positive", "let through by mistake",
        "overlooked cases",
    ),
    "recall": (
        "hit rate", "detection rate", "catch all positives", "how many positives we catch",
        "share of actual positives found", "catch every positive", "find all positives",
        "fraction of positives detected", "proportion of positives caught", "miss as few as possible",
        "not miss any positives", "minimize missed cases", "minimise missed cases",
    ),
    "specificity": (
        "selectivity", "correct rejection rate", "share of negatives correctly identified",
        "how well negatives are identified", "correctly reject negatives", "negatives correctly classified",
        "proportion of negatives correct", "fraction of negatives correct", "clear the innocent",
        "don't flag innocent",
    ),
    "precision": (
        "positive predictive value", "ppv", "flagged items actually positive", "purity of positive predictions",
        "of predicted positives", "predicted positives correct", "how many flagged are correct",
        "flagged that are truly positive", "quality of positive predictions", "trust a positive prediction",
    ),
    "accuracy": (
        "percent correct", "fraction correct", "overall correctness", "how often model is right",
        "percentage correct", "proportion correct", "share of correct predictions", "correct predictions overall",
        "how often it's right", "how often it is right", "error rate",
    ),
    "roc": (
        "receiver operating characteristic", "tpr vs fpr", "tradeoff curve", "trade-off curve",
        "receiver operating curve", "receiver operator curve", "receiver operator characteristic",
        "true positive vs false positive",
    ),
    "auc": (
        "auroc", "roc area", "area under the curve", "area beneath the curve", "how well classes are separated",
        "discrimination ability", "ranking quality",
    ),
    "gini impurity": (
        "node purity", "how mixed a node is", "split quality", "best split criterion", "entropy criterion",
        "impurity measure", "gini index", "purity of a split", "how pure a node is", "best feature to split on",
        "which feature to split", "split criterion", "mixed classes in a node",
    ),
    "f1 score": (
        "harmonic mean", "f-measure", "f measure", "f-score", "fscore", "balance precision and recall",
        "balance of precision and recall", "precision recall balance", "precision and recall together",
        "mean of precision and recall", "f1 measure", "f one score",
    ),
    "ensemble learning": (
        "combine multiple models", "combining models", "many models voting", "committee of models",
        "model averaging", "wisdom of crowds", "stacking models", "combine predictions", "combining predictions",
        "multiple models together", "group of models", "blend models", "model blending", "merge several models",
        "mix of models",
    ),
    "bagging": (
        "bootstrap aggregating", "bootstrap samples", "bootstrap sampling", "bootstrapped samples",
        "resampling with replacement", "sample with replacement", "resample with replacement",
        "drawing with replacement", "parallel ensemble", "independent models averaged",
        "train on random resamples", "bootstrap aggregation",
    ),
    "boosting": (
        "weak learners", "sequential weak learners", "focus on previous mistakes",
        "reweight misclassified examples", "learn from previous errors", "sequential ensemble",
        "models built in sequence", "fix previous mistakes", "correct previous errors", "focus on hard examples",
        "upweight misclassified", "weak models combined",
    ),
    "xgboost": (
        "gradient boosted trees", "xg boost", "boosted trees", "boosted decision trees", "tree boosting",
        "gradient boosted decision trees", "boosting on tabular data",
    ),
    "jupyter": (
        "ipynb", "interactive python notebook", "interactive notebook", "code cells", "run code in cells",
        "python notebooks", "data science notebook", "browser based notebook",
    ),
    "scikit learn": (
        "sklearn", "scikitlearn", "classic machine learning library", "python machine learning library",
        "toy datasets",
    ),
    "autograd": (
        "automatic differentiation", "auto differentiation", "autodiff", "automatic gradients",
        "automatic derivatives", "gradient tracking", "compute gradients automatically",
        "computing gradients automatically",
    ),
    "s3": (
        "simple storage service", "cloud file storage", "store files in aws", "object store", "cloud storage",
        "storage bucket", "store files in the cloud", "where to store files", "blob storage",
        "upload files to the cloud",
    ),
    "data lake": (
        "central raw data store", "all data in one place", "raw data landing zone", "datalake",
        "central repository", "raw data repository", "store all raw data", "single source of truth",
        "dump everything in one place", "centralized storage", "centralised storage",
    ),
    "glue data catalog": (
        "metadata store", "table definitions", "central schema registry", "metadata catalog",
        "metadata catalogue", "schema catalog", "table metadata", "schema repository", "central metadata",
        "catalog of tables", "data dictionary",
    ),
    "glue crawler": (
        "infer the schema", "schema inference", "detect table structure", "auto detect columns",
        "scan s3 for tables", "automatically detect schema", "figure out the schema", "detect partitions",
        "populate the catalog", "infer table definitions", "discover partitions", "scan buckets for schema",
    ),
    "etl": (
        "extract transform load", "extract-transform-load", "extract transform and load", "transformation jobs",
        "clean and load", "move and transform data", "reshape and load data",
    ),
    "findmatches": (
        "dedupe", "deduplicate records", "deduplication", "record linkage", "entity resolution", "fuzzy matching",
        "match similar records", "find duplicates", "remove duplicates", "duplicate rows", "duplicate entries",
        "near duplicates", "fuzzy duplicates", "same customer twice", "link records across sources",
    ),
    "serverless": (
        "no servers to manage", "no infrastructure to manage", "without provisioning servers",
        "no server management", "no servers", "without managing servers", "nothing to provision",
        "no cluster to manage", "no instances to manage", "zero infrastructure",
    ),
    "athena": (
        "query files in place", "ad hoc sql on files", "interactive query service", "query files directly",
        "query stored files", "query raw files", "query logs in place", "pay per query",
        "query without a database", "interactive queries on files",
    ),
    "quicksight": (
        "business intelligence", "bi tool", "bi dashboards", "reporting tool", "interactive charts",
        "charts for executives", "business dashboards", "visualization service", "visualisation service",
        "share dashboards",
    ),
    "kinesis data streams": (
        "event stream ingestion", "custom stream consumers", "write your own consumers", "custom producer code",
        "build real time applications", "real-time data feed", "millisecond streaming", "stream with custom code",
    ),
    "kinesis data firehose": (
        "load streaming data into s3", "deliver stream to s3", "streaming delivery", "stream delivery",
        "continuous loading into redshift", "near real-time delivery", "dump stream to storage",
        "deliver stream to a bucket", "stream into a bucket", "load stream into warehouse", "buffered delivery",
        "managed delivery stream",
    ),
    "kinesis video streams": (
        "camera feeds", "live camera stream", "cctv", "security camera footage", "video ingestion", "live video",
        "stream video", "webcam stream", "video from cameras", "doorbell camera",
    ),
    "kinesis data analytics": (
        "streaming sql", "real time sql", "analyze streams in real time", "continuous queries",
        "queries over live data",
        "query a stream", "streaming analytics", "real-time analytics", "data in motion",
        "continuous stream queries", "aggregate streaming data", "process streams in real time",
    ),
    "emr": (
        "elastic mapreduce", "big data cluster", "big data processing", "distributed processing",
        "distributed computing", "process massive datasets", "parallel processing cluster", "cluster computing",
        "large scale data transformation",
    ),
    "spot instances": (
        "interruptible instances", "preemptible machines", "spare capacity", "discounted ec2",
        "cheap unused capacity", "reclaimed instances", "cheap instances", "cheaper instances",
        "discounted instances", "can be interrupted", "instances get terminated", "reduce training cost",
        "cut training costs", "save on compute",
    ),
    "checkpoints": (
        "save progress", "resume training", "snapshot of model state", "save intermediate model",
        "continue after interruption", "save model state", "resume after interruption",
        "resume where it left off", "save training progress", "restart from last save", "periodic saves",
        "snapshot during training",
    ),
    "gpu": (
        "graphics card", "graphics cards", "video card", "graphics processor", "graphics processing unit",
        "accelerated instances", "hardware acceleration",
    ),
    "step functions": (
        "workflow engine", "workflow orchestration", "multi step workflow", "wait and retry logic",
        "coordinate serverless functions", "orchestrate lambda functions", "chain lambda functions",
        "coordinate multiple services", "retry failed steps", "long running workflows", "visual workflow",
        "wait for a job",
    ),
    "dms": (
        "migrate a database", "move database to aws", "replicate a database", "lift and shift database",
        "migrate databases", "migrating a database", "copy database to the cloud",
        "on premises database to cloud", "database replication", "continuous database replication",
        "move data between databases",
    ),
    "redshift": (
        "data warehouse", "analytical warehouse", "analytics database", "reporting database",
        "enterprise warehouse", "columnar warehouse", "analytic queries on big tables",
    ),
    "rds": (
        "relational database", "managed database service", "managed relational database",
        "transactional database",
    ),
    "dynamodb": (
        "key value store", "key-value store", "key-value database", "document database", "nosql database",
        "document store", "schemaless database", "millisecond latency database",
    ),
    "elasticsearch": (
        "full text search", "log search", "text search index", "search index", "log analytics", "searching logs",
        "index documents for search",
    ),
    "vpc endpoint": (
        "traffic stays inside aws", "private route to s3", "avoid the internet", "private connection to storage",
        "access buckets privately", "keep traffic private", "bucket access without internet", "gateway endpoint",
        "traffic never leaves the network", "stay off the internet",
    ),
    "vpc": (
        "virtual private cloud", "private network", "isolated network", "subnet", "subnets", "network isolation",
        "isolate the network", "security groups", "private networking", "firewall rules",
    ),
    "rekognition": (
        "amazon recognition", "aws recognition", "detect faces", "face detection", "facial recognition",
        "computer vision api", "read text in photos", "analyze photos", "analyse photos", "analyze pictures",
        "tag images", "label objects in photos", "identify objects in images", "image recognition service",
        "detect objects in video",
    ),
    "facial analysis": (
        "emotion detection", "detect emotions", "face attributes", "estimate age", "is the person smiling",
        "facial expressions", "facial attributes", "facial features", "detect smiles", "age and gender",
        "guess someone's age", "emotions in faces", "analyze faces",
    ),
    "image moderation": (
        "nsfw", "nudity detection", "inappropriate images", "explicit imagery", "offensive images",
        "unsafe images", "content moderation", "filter explicit images", "flag inappropriate content",
        "unsafe content", "violent images", "moderate photos", "screen uploaded images", "offensive content",
    ),
    "polly": (
        "read text aloud", "read aloud", "speak text", "computer voice", "synthetic voice", "voice generation",
        "generate audio from text", "convert text to audio", "turn text into speech", "lifelike voices",
        "natural sounding voice", "narrate articles", "narrate text", "spoken audio",
    ),
    "transcribe": (
        "audio to text", "voice to text", "dictation software", "call recordings to text", "generate subtitles",
        "closed captions", "audio transcription", "turn audio into text", "convert audio to text",
        "call transcripts", "meeting transcripts", "caption videos", "spoken words to text",
        "voice recordings to text",
    ),
    "translate": (
        "english to spanish", "english to french", "convert between languages", "localize content",
        "localization", "localisation", "into another language", "to another language", "english to german",
        "spanish to english", "french to english", "multilingual website", "localize an app",
    ),
    "comprehend": (
        "text analytics", "understand text", "text mining", "analyze text", "analyse text",
        "extract insights from text", "language understanding", "insights from documents",
    ),
    "sentiment analysis": (
        "opinion mining", "positive or negative tone", "tone of reviews", "customer feelings",
        "happy or angry customers", "tone of text", "how customers feel", "emotional tone", "mood of text",
        "positive or negative reviews", "is the review positive", "negative feedback", "angry customers",
    ),
    "keyphrase extraction": (
        "key phrases", "key phrase", "keyword extraction", "extract keywords", "main talking points",
        "important phrases", "key talking points", "important terms in text",
    ),
    "entity recognition": (
        "named entities", "named entity", "people places organizations", "extract names from text",
        "extract dates", "find people and places", "names of people", "names and organizations",
        "people and organizations", "identify organizations in text", "extract entities",
    ),
    "language detection": (
        "language identification", "which language is this", "what language is the text", "identify the language",
        "dominant language", "guess the language", "what language is it", "which language it is",
        "language of a document",
    ),
    "lex": (
        "chatbot", "virtual assistant", "voice assistant", "virtual agent", "conversational ai",
        "conversational interface", "chat bot", "conversational bot", "voice bot", "build a bot",
        "intent recognition", "customer service bot", "dialog system",
    ),
    "sagemaker": (
        "sage maker", "managed ml platform", "ml platform", "end to end machine learning",
        "managed machine learning", "train and host models", "machine learning platform",
    ),
    "ground truth": (
        "data labeling", "labeling service", "labeling jobs", "annotate images", "data annotation",
        "human annotators", "crowdsourced labels", "label my data", "annotate data", "human labelers",
        "human labellers", "labelling service", "humans label images", "annotate training data",
    ),
    "data preprocessing": (
        "data cleaning", "cleaning data", "clean the data", "data prep", "data wrangling", "tidy up data",
        "prepare the data", "preparing the data", "data cleansing", "clean up the data", "get data ready",
        "messy data",
    ),
    "normalize": (
        "feature scaling", "scale features", "standardize features", "standardization", "min-max scaling",
        "z-score", "rescale features", "normalise", "normalization", "normalisation", "same scale",
        "different scales", "scale the inputs", "zero mean unit variance", "min max",
    ),
    "word2vec": (
        "word embeddings", "word vectors", "embedding words", "words as vectors", "vector for each word",
        "similar words close together", "dense word vectors", "semantic word vectors", "turn words into vectors",
    ),
    "image classification": (
        "categorize photos", "classify pictures", "sort photos into categories", "what is in the picture",
        "classify images", "categorize images", "cat or dog", "cats and dogs", "what the image shows",
        "sort images", "picture categories",
    ),
    "object detection": (
        "locate objects", "draw boxes around objects", "find where objects are", "where in the image",
        "boxes around objects", "detect multiple objects", "count objects", "position of objects",
        "localize objects", "localise objects",
    ),
    "seq2seq": (
        "encoder decoder", "encoder-decoder", "sequence-to-sequence", "sequence to sequence",
        "sequence in sequence out", "text to text model", "encoder and decoder", "input and output sequences",
        "convert one sequence",
    ),
    "deepar": (
        "predict future sales", "demand planning", "future demand", "sales prediction", "predict next month",
        "time series forecasting", "forecast time series", "sales forecast", "forecast sales",
        "demand forecasting", "forecast demand", "predict future values", "inventory forecast",
    ),
    "hyperparameter tuning": (
        "grid search", "random search", "bayesian optimization", "automatic model tuning", "find best settings",
        "try many settings", "tuning job", "parameter sweep", "parameter search", "search over settings",
        "best combination of settings", "optimize model settings", "find the best learning rate",
        "automatic tuning",
    ),
    "inference pipelines": (
        "serial inference", "multiple containers in sequence", "preprocess then predict", "model chaining",
        "chain of models", "pipeline of models", "feed one model into another", "sequence of containers",
        "preprocessing plus model", "models in series", "chain containers",
    ),
    "real-time inference": (
        "online predictions", "live predictions", "low latency predictions", "instant predictions",
        "on-demand predictions", "real time predictions", "immediate predictions", "synchronous predictions",
        "per request predictions", "millisecond predictions", "interactive predictions",
    ),
    "sagemaker endpoint": (
        "model serving", "host the model", "hosting a model", "serve the model", "serving predictions",
        "hosted model", "call the model", "calling the model", "prediction endpoint", "model endpoint",
        "inference endpoint", "invoke the model",
    ),
    "batch inference": (
        "offline predictions", "bulk predictions", "score a whole dataset", "predictions for a whole file",
        "nightly predictions", "offline scoring", "bulk scoring", "batch scoring", "score many records",
        "predict on a large dataset", "predictions for all customers", "no persistent endpoint",
        "scheduled predictions",
    ),
    "deploy": (
        "productionize", "put into production", "ship the model", "go live", "deployment", "deploying",
        "productionise", "put model in production", "release the model", "make the model available",
        "launch the model",
    ),
    "api gateway": (
        "rest api", "public api", "http api", "expose model to internet", "web api", "public endpoint",
        "expose the endpoint", "web endpoint", "internet facing endpoint", "call from a web app",
        "call from a mobile app", "access from the internet", "public web address",
    ),
    "encryption": (
        "encrypt at rest", "encrypted in transit", "sse-kms", "encrypt data", "encrypting data", "data at rest",
        "data in transit", "customer managed keys", "key management", "protect sensitive data",
    ),
    "noise": (
        "random fluctuations", "random variation", "irregular component", "random jitter", "random ups and downs",
        "unexplained variation",
    ),
    "multiplicative": (
        "grows with the trend", "swings get bigger", "fluctuations grow over time", "proportional seasonality",
        "variation grows with level", "percentage fluctuations",
    ),
    "pmf": (
        "probability mass function", "discrete probability", "discrete distribution", "probability of each count",
        "discrete outcomes",
    ),
    "sum of squares": ("sum of squared errors", "squared residuals", "squared differences", "residual sum"),
    "feature correlation": (
        "correlated features", "correlated columns", "correlated variables", "multicollinearity", "collinearity",
        "features that move together", "highly correlated inputs",
    ),
    "mean replacement": (
        "fill with the mean", "fill with the average", "replace with the average", "replace with mean",
        "mean imputation", "median imputation", "column average", "fill with median",
    ),
    "multiple imputation by chained equations": (
        "iterative imputation", "regression imputation", "predict missing values", "model based imputation",
        "impute with regression", "predict the missing values",
    ),
    "threshold": (
        "probability cutoff", "classification cutoff", "decision cutoff", "move the cutoff", "raise the cutoff",
        "lower the cutoff", "cut-off value",
    ),
    "multi level hierarchy": (
        "train sub networks", "layer-wise training", "layer-wise pretraining", "greedy layerwise",
        "train layers separately", "break network into parts", "pretrain each layer",
    ),
    "leaky relu": (
        "small negative slope", "dying neurons", "dead neurons", "dead relu", "dying relu",
        "negative slope activation", "leaky rectifier",
    ),
    "binary step": (
        "step activation", "threshold activation", "all or nothing activation", "on off activation",
        "hard threshold",
    ),
    "gated recurrent units": (
        "update gate", "reset gate", "update and reset gates", "two gates", "simplified gated unit",
    ),
    "true negative": (
        "correctly ruled out", "correctly predicted negative", "correct negative prediction", "correctly cleared",
        "rightly not flagged",
    ),
    "information gain": (
        "entropy reduction", "reduction in entropy", "decrease in entropy", "most informative split",
        "most informative feature",
    ),
    "data pipelines": (
        "schedule data movement", "scheduled data transfers", "move data between services", "periodic copy jobs",
        "copy data on a schedule", "nightly data copy",
    ),
    "redshift spectrum": (
        "warehouse queries on files", "external tables", "without loading into the warehouse",
        "join warehouse and lake", "query lake from warehouse",
    ),
    "elasticache": ("in memory cache", "caching layer", "cache layer", "speed up reads", "cache query results"),
    "celebrity recognition": (
        "famous people", "recognize celebrities", "identify famous people", "famous faces",
        "recognize public figures", "who is this actor",
    ),
    "face comparison": (
        "compare faces", "compare two faces", "match faces", "face matching", "same person in two photos",
        "is this the same person", "face verification", "find a face in photos",
    ),
    "ssml": (
        "speech markup", "whispering voice", "add pauses", "control speech pauses", "emphasis in speech",
        "speaking rate", "markup for speech",
    ),
    "lexicon": (
        "custom pronunciation", "pronunciation dictionary", "how words are pronounced", "mispronounced words",
        "mispronounces", "pronounce acronyms",
    ),
    "custom vocabularies": (
        "custom word list", "industry jargon", "recognize jargon", "misrecognized words",
        "technical terms in audio", "words it mishears", "add new words to transcription",
    ),
    "custom terminology": (
        "keep brand names", "do not translate", "translation glossary", "glossary of terms",
        "consistent translation of terms", "product names in translation",
    ),
    "syntax analysis": (
        "part of speech", "identify nouns and verbs", "grammar analysis", "parse sentences", "sentence structure",
        "tag nouns",
    ),
    "custom classification": (
        "own categories", "custom document categories", "categorize support tickets", "route support emails",
        "classify documents with own labels",
    ),
    "utterances": (
        "sample phrases", "example phrases", "things users say", "what users might say", "training phrases",
        "user phrases", "spoken phrases",
    ),
    "object2vec": (
        "pair embeddings", "embed any objects", "item similarity", "similar products",
        "general purpose embeddings", "embeddings for pairs", "related items",
    ),
    "text summarization": (
        "summarize documents", "summarise documents", "summarize text", "summarise text", "condense articles",
        "shorten long text", "short summary", "summary of an article",
    ),
    "file mode": (
        "download the data first", "copy data to the instance", "download data before training",
        "local copy of data", "full download", "copy dataset locally",
    ),
    "root access": (
        "admin rights", "administrator access", "root privileges", "superuser access", "disable root",
        "admin access on notebook",
    ),
    "lifecycle configurations": (
        "startup script", "start up script", "on start script", "bootstrap script",
        "run script when notebook starts", "install packages on startup", "notebook startup",
    ),
    "presigned url": (
        "temporary link", "signed link", "time limited link", "expiring link", "open the notebook link",
    ),
    "shards": (
        "stream capacity", "scale a stream", "throughput units", "increase stream throughput",
        "partitions of the stream", "stream partitions", "more throughput",
    ),
    "parquet": (
        "columnar format", "columnar file", "column oriented format", "columnar storage", "compressed columnar",
        "column store file",
    ),
    "task nodes": (
        "compute only nodes", "nodes without storage", "nodes that store nothing", "extra compute nodes",
        "stateless nodes",
    ),
    "limit increases": (
        "service quota", "quota increase", "raise the quota", "request more instances", "instance limit",
        "service limits", "raise the limit",
    ),
    "federated auth": (
        "single sign on", "corporate login", "company credentials", "identity provider", "external identity",
        "log in with company account",
    ),
    "lambda": (
        "serverless function", "run code on upload", "trigger on upload", "event driven function",
        "function as a service", "trigger a function", "function timeout",
    ),
    "cloudwatch": (
        "training logs", "view logs", "monitor metrics", "monitoring service", "alarms on metrics",
        "metrics and logs",
    ),
    "variance": (
        "average squared deviation", "mean squared deviation", "squared deviations from mean", "squared spread",
    ),
    # the notes describe Elastic Inference without its name: "Sometimes can elastically attach GPUs to an instance"
    "attach gpus": ("elastic inference", "attach a gpu", "gpu acceleration to an endpoint"),
}
