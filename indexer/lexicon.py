"""Everyday ways of saying what study notes on ML and AWS name, so a question in everyday words also
searches for the notes' own term: "false alarm" for false positive, "switching off units" for dropout,
"standard deviation" for the notes' "std dev" (query.Planner glosses).

Written for asknotes by a helper that saw only the bundled notes and their outline (never the eval's
questions), from general knowledge; then names of other products, tools and methods were taken out
(“kafka”, “isolation forest”: those are unknown names, aliases.NAMED_THINGS), and so were
acronyms (aliases.GLOSSARY expands those). A term is used only where the notes write it.
"""

from __future__ import annotations

# the notes' term -> everyday phrases for it
LAY_PHRASES: dict[str, tuple[str, ...]] = {
    "normal distribution": (
        "bell curve", "bell shaped curve", "bell-shaped curve", "gaussian distribution", "gaussian",
    ),
    "poisson": (
        "events per time interval", "number of arrivals per hour", "count of occurrences per period",
        "rare event counts",
    ),
    "binomial": ("heads in ten tosses", "successes in n trials", "repeated coin flips", "count of successes"),
    "bernoulli": ("single coin flip", "one coin toss", "single yes or no trial", "one success or failure"),
    "seasonality": (
        "repeating yearly pattern", "recurring pattern", "periodic pattern", "same time every year",
        "holiday spikes", "weekly cycle", "cyclical pattern",
    ),
    "trends": (
        "long term direction", "long-term direction", "general upward movement", "overall direction over time",
        "upward drift", "downward drift",
    ),
    "supervised": (
        "learning with an answer key", "training with correct answers", "known target values", "known outcomes",
    ),
    "unsupervised": (
        "learning without labels", "learns without labels", "no target variable", "find hidden structure",
    ),
    "reinforcement learning": (
        "learning by playing", "agent in an environment", "agent learns by doing", "penalties and bonuses",
        "carrot and stick",
    ),
    "gradient descent": (
        "walking downhill", "going downhill", "steps downhill", "rolling down the hill",
        "descend the error surface", "steepest descent",
    ),
    "local minima": (
        "stuck in a valley", "false bottom", "not the lowest point", "suboptimal valley", "local minimum",
        "stuck in a dip",
    ),
    "learning rate": (
        "how big each update is", "how fast the model learns", "size of weight updates", "update size",
        "learning speed",
    ),
    "regularization": (
        "penalize complexity", "penalizing large weights", "keep the model simple", "complexity penalty",
        "weight penalty", "stop memorizing", "prevent memorization", "regularisation",
    ),
    "overfitting": (
        "memorize", "memorizes", "memorizing", "memorized", "memorise", "memorises", "memorising",
        "memorize the training data", "fails on new data", "does not generalize", "doesn't generalize",
        "poor generalization", "great on training data", "high variance model",
    ),
    "dropout": (
        "turn off neurons", "turning off neurons", "switching off units", "switch off neurons",
        "randomly drop nodes", "randomly disable neurons", "randomly deactivate units", "randomly ignore neurons",
    ),
    "early stopping": (
        "halt training", "halting training", "quit training sooner", "cut training short",
        "end training before overfitting", "stop when validation loss rises",
    ),
    "l1 regularization": (
        "lasso regression", "lasso penalty", "absolute value penalty", "sparse weights", "zero out weights",
        "weights set to zero",
    ),
    "l2": ("ridge regression", "ridge penalty", "squared weight penalty", "shrink the weights"),
    "hyperparameters": (
        "tuning knobs", "knobs to tune", "settings chosen before training", "training settings", "model settings",
        "configuration knobs",
    ),
    "batch size": (
        "minibatch", "mini-batch", "mini batch", "examples per update", "samples per step",
        "samples processed together",
    ),
    "epoch": (
        "full pass over the data", "one pass through the dataset", "complete pass through training set",
        "passes over the data", "training passes", "full sweep over the dataset",
    ),
    "cross validation": (
        "rotate the holdout", "rotating validation sets", "repeated train test splits", "leave one out",
        "leave-one-out", "crossvalidation", "split into k parts", "k equal chunks", "kfold",
    ),
    "feature engineering": (
        "create new columns", "creating new columns", "derive new variables", "derived columns",
        "crafting new inputs", "combining columns",
    ),
    "feature selection": (
        "choose which columns to keep", "pick useful columns", "picking input variables",
        "drop irrelevant inputs", "which inputs to keep", "remove useless columns",
    ),
    "dimension reduction": (
        "fewer columns", "reduce number of columns", "reduce the number of inputs", "too many columns",
        "compress the inputs", "dimensionality reduction",
    ),
    "principal component analysis": (
        "eigenvectors", "eigenvalues", "main axes of variation", "directions of most variance", "principal axes",
        "orthogonal components", "principal components",
    ),
    "imputation": (
        "fill in blanks", "filling in blanks", "fill empty cells", "filling empty cells", "fill nulls",
        "fill in nulls", "replace nulls", "fill gaps in data", "blank values", "nan values", "imputing",
    ),
    "outlier": (
        "extreme values", "extreme value", "unusual data points", "odd values", "values far from the rest",
        "abnormal data points",
    ),
    "anomaly detection": (
        "spot unusual behavior", "spot unusual behaviour", "abnormal patterns", "odd readings",
        "unexpected spikes", "detect weird events", "novelty detection", "anomalies",
    ),
    "random cut forest": ("rcf",),
    "std dev": ("standard deviation", "stdev", "stddev", "spread around the average"),
    "unbalanced data": (
        "imbalanced classes", "class imbalance", "imbalanced dataset", "imbalanced data", "skewed classes",
        "lopsided classes", "one class dominates", "rare class",
    ),
    "oversample": (
        "upsampling", "upsample rare examples", "duplicate rare examples", "copy rare class samples",
        "over-sampling",
    ),
    "undersample": (
        "downsampling", "downsample the common class", "drop common class examples", "throw away common examples",
        "undersampling", "under-sampling",
    ),
    "smote": (
        "create rare examples by interpolation", "interpolated samples", "interpolate between neighbours",
        "interpolate between neighbors",
    ),
    "synthesize": (
        "simulated data", "artificial data", "made up data", "made-up data", "generate extra samples",
        "synthetic data",
    ),
    "preprocessing image data": (
        "image augmentation", "augment images", "augmenting images", "data augmentation", "flip images",
        "crop images", "too few images",
    ),
    "one hot encoding": (
        "dummy variables", "dummy columns", "indicator variables", "one column per category", "get_dummies",
        "one-hot", "onehot",
    ),
    "binning": (
        "bucketing", "bucketize", "group numbers into ranges", "group values into ranges", "age ranges",
        "discretize", "discretization", "discretizing",
    ),
    "quantile binning": (
        "equal frequency bucketing", "equal frequency bins", "percentile buckets", "quartiles", "deciles",
    ),
    "randomize": (
        "shuffle the data", "shuffling the data", "shuffle the rows", "shuffle rows", "mix up the order",
        "shuffling the dataset",
    ),
    "split data": (
        "train test split", "train-test split", "carve out a test set", "partition the dataset",
        "divide the dataset", "holdout set", "dev set",
    ),
    "recordio": ("protobuf", "protocol buffers", "binary record format"),
    "pipe mode": (
        "stream from s3", "streaming training data", "no download before training", "without downloading first",
    ),
    "vanishing gradient": (
        "gradients shrink", "gradients become tiny", "gradients disappear", "shrinking gradients",
        "early layers stop learning", "deep network won't learn",
    ),
    "gradient checking": (
        "verify backprop", "debug backpropagation", "finite differences", "finite difference check", "grad check",
    ),
    "lstm": (
        "forget gate", "input and forget gates", "remember long sequences", "long term dependencies",
        "long-term dependencies",
    ),
    "residual networks": ("skip connections", "shortcut connections", "identity shortcuts", "skip layers"),
    "relu": ("max of zero and x", "ramp function", "hockey stick activation", "negatives become zero"),
    "sigmoid": ("s-curve", "s curve", "squash between 0 and 1"),
    "tanh": ("hyperbolic tangent",),
    "softmax": (
        "probabilities that sum to one", "probabilities summing to 1", "normalized exponential",
        "multiclass probabilities",
    ),
    "activation function": ("transfer function", "firing function", "neuron firing", "neuron output function"),
    "hidden layers": ("middle layers", "intermediate layers", "inner layers"),
    "bias": ("intercept term", "offset term"),
    "back propagation": (
        "backpropagation", "backward pass", "chain rule", "propagate errors backwards", "pass errors backwards",
    ),
    "loss function": (
        "cost function", "objective function", "error function", "how wrong the model is",
        "penalty for wrong predictions",
    ),
    "forward pass": ("forward propagation", "forward prop", "feedforward"),
    "convolutional nn": ("convnet", "convnets", "sliding filters over images", "feature maps", "pooling layers"),
    "recurrent nn": (
        "looping network", "feedback connections", "hidden state", "remembers previous steps",
        "remembers earlier words",
    ),
    "transfer learning": (
        "reuse a pretrained model", "fine tune a pretrained model", "fine-tune a pretrained model",
        "reuse learned weights", "start from existing weights",
    ),
    "logistical regression": ("logistic regression", "logit", "logit model", "log odds"),
    "linear regression": (
        "line of best fit", "best fit line", "straight line fit", "least squares", "ordinary least squares",
    ),
    "svms": (
        "support vector machine", "support vector machines", "support vectors", "maximum margin",
        "max margin classifier", "widest margin", "kernel trick",
    ),
    "decision trees": (
        "flowchart model", "if-then rules", "if then rules", "series of yes no questions", "tree of questions",
    ),
    "random forests": ("many trees voting", "multiple trees vote", "bagged trees", "tree ensemble"),
    "clustering": (
        "customer segmentation", "segment customers", "group similar items", "grouping similar records",
        "natural groups",
    ),
    "k-means": ("centroids", "centroid", "kmeans", "k means"),
    "elbow": ("choosing k", "optimal k", "how many groups", "right number of groups", "pick the number of groups"),
    "k-nearest neighbour": (
        "k nearest neighbors", "k-nearest neighbor", "nearest neighbor", "closest data points vote",
        "closest examples vote",
    ),
    "topic discovery": (
        "discover themes", "find themes in documents", "themes in text", "what documents are about",
        "group articles by subject", "topic model", "lda model",
    ),
    "stop words": ("filler words", "function words", "stopwords", "common words like the"),
    "stemming": (
        "reduce words to root", "word roots", "root form of words", "strip suffixes", "chop word endings",
    ),
    "tokenize": (
        "tokenization", "tokenizing", "tokenise", "split text into words", "split sentence into words",
        "break text into pieces",
    ),
    "tf-idf": (
        "tfidf", "word importance score", "downweight common words", "weight rare words higher", "term weighting",
    ),
    "n-grams": (
        "ngrams", "ngram", "word sequences", "groups of adjacent words", "shingles", "word pairs",
        "two word phrases", "pairs of adjacent words",
    ),
    "neural networks": ("multilayer perceptron", "perceptron", "artificial neurons"),
    "confusion matrix": (
        "error matrix", "contingency table", "actual vs predicted table", "predicted vs actual",
        "correct vs wrong predictions table",
    ),
    "true positive": (
        "correctly flagged", "correct detection", "correctly caught", "correctly identified positive",
    ),
    "false positive": (
        "false alarm", "false alarms", "wrongly flagged", "flagged by mistake", "incorrectly flagged",
        "type i error", "type 1 error",
    ),
    "false negative": (
        "missed detection", "missed case", "missed positives", "slipped through", "failed to catch",
        "type ii error", "type 2 error",
    ),
    "recall": (
        "hit rate", "detection rate", "catch all positives", "how many positives we catch",
        "share of actual positives found",
    ),
    "specificity": (
        "selectivity", "correct rejection rate", "share of negatives correctly identified",
        "how well negatives are identified",
    ),
    "precision": (
        "positive predictive value", "ppv", "flagged items actually positive", "purity of positive predictions",
    ),
    "accuracy": ("percent correct", "fraction correct", "overall correctness", "how often model is right"),
    "roc": ("receiver operating characteristic", "tpr vs fpr", "tradeoff curve"),
    "auc": ("auroc", "roc area"),
    "gini impurity": (
        "node purity", "how mixed a node is", "split quality", "best split criterion", "entropy criterion",
    ),
    "f1 score": ("harmonic mean", "f-measure", "f measure", "f-score", "fscore"),
    "ensemble learning": (
        "combine multiple models", "combining models", "many models voting", "committee of models",
        "model averaging", "wisdom of crowds", "stacking models",
    ),
    "bagging": (
        "bootstrap aggregating", "bootstrap samples", "bootstrap sampling", "bootstrapped samples",
        "resampling with replacement",
    ),
    "boosting": (
        "weak learners", "sequential weak learners", "focus on previous mistakes",
        "reweight misclassified examples", "learn from previous errors",
    ),
    "xgboost": ("gradient boosted trees", "xg boost"),
    "jupyter": ("ipynb", "interactive python notebook"),
    "scikit learn": ("sklearn", "scikitlearn"),
    "autograd": ("automatic differentiation", "auto differentiation", "autodiff"),
    "s3": ("simple storage service", "cloud file storage", "store files in aws"),
    "data lake": ("central raw data store", "all data in one place", "raw data landing zone", "datalake"),
    "glue data catalog": ("metadata store", "table definitions", "central schema registry"),
    "glue crawler": (
        "infer the schema", "schema inference", "detect table structure", "auto detect columns",
        "scan s3 for tables",
    ),
    "etl": ("extract transform load", "extract-transform-load"),
    "findmatches": (
        "dedupe", "deduplicate records", "deduplication", "record linkage", "entity resolution", "fuzzy matching",
        "match similar records",
    ),
    "serverless": (
        "no servers to manage", "no infrastructure to manage", "without provisioning servers",
        "no server management",
    ),
    "athena": ("query files in place", "ad hoc sql on files", "interactive query service"),
    "quicksight": ("business intelligence", "bi tool", "bi dashboards"),
    "kinesis data streams": ("event stream ingestion", "custom stream consumers"),
    "kinesis data firehose": (
        "load streaming data into s3", "deliver stream to s3", "streaming delivery", "stream delivery",
        "continuous loading into redshift",
    ),
    "kinesis video streams": (
        "camera feeds", "live camera stream", "cctv", "security camera footage", "video ingestion",
    ),
    "kinesis data analytics": (
        "streaming sql", "real time sql", "analyze streams in real time", "continuous queries",
        "windowed aggregations", "tumbling window", "sliding window aggregation",
    ),
    "emr": ("elastic mapreduce", "big data cluster"),
    "spot instances": (
        "interruptible instances", "preemptible machines", "spare capacity", "discounted ec2",
        "cheap unused capacity", "reclaimed instances",
    ),
    "checkpoints": (
        "save progress", "resume training", "snapshot of model state", "save intermediate model",
        "continue after interruption",
    ),
    "gpu": ("graphics card", "graphics cards", "video card"),
    "step functions": (
        "workflow engine", "workflow orchestration", "multi step workflow", "wait and retry logic",
        "coordinate serverless functions",
    ),
    "dms": ("migrate a database", "move database to aws", "replicate a database", "lift and shift database"),
    "redshift": ("data warehouse", "analytical warehouse"),
    "rds": ("relational database",),
    "dynamodb": ("key value store", "key-value store", "key-value database", "document database"),
    "elasticsearch": ("full text search", "log search", "text search index"),
    "vpc endpoint": ("traffic stays inside aws", "private route to s3", "avoid the internet"),
    "vpc": ("virtual private cloud", "private network", "isolated network", "subnet", "subnets"),
    "rekognition": (
        "amazon recognition", "aws recognition", "detect faces", "face detection", "facial recognition",
        "computer vision api", "read text in photos",
    ),
    "facial analysis": (
        "emotion detection", "detect emotions", "face attributes", "estimate age", "is the person smiling",
    ),
    "image moderation": (
        "nsfw", "nudity detection", "inappropriate images", "explicit imagery", "offensive images",
        "unsafe images",
    ),
    "polly": (
        "read text aloud", "read aloud", "speak text", "computer voice", "synthetic voice", "voice generation",
        "generate audio from text",
    ),
    "transcribe": (
        "audio to text", "voice to text", "dictation software", "call recordings to text", "generate subtitles",
        "closed captions",
    ),
    "translate": (
        "english to spanish", "english to french", "convert between languages", "localize content",
        "localization", "localisation",
    ),
    "comprehend": ("text analytics", "understand text", "text mining"),
    "sentiment analysis": (
        "opinion mining", "positive or negative tone", "tone of reviews", "customer feelings",
        "happy or angry customers", "tone of text",
    ),
    "keyphrase extraction": (
        "key phrases", "key phrase", "keyword extraction", "extract keywords", "main talking points",
    ),
    "entity recognition": (
        "named entities", "named entity", "people places organizations", "extract names from text",
    ),
    "language detection": (
        "language identification", "which language is this", "what language is the text", "identify the language",
    ),
    "lex": (
        "chatbot", "virtual assistant", "voice assistant", "virtual agent", "conversational ai",
        "conversational interface",
    ),
    "sagemaker": ("sage maker", "managed ml platform", "ml platform"),
    "ground truth": (
        "data labeling", "labeling service", "labeling jobs", "annotate images", "data annotation",
        "human annotators", "crowdsourced labels",
    ),
    "data preprocessing": (
        "data cleaning", "cleaning data", "clean the data", "data prep", "data wrangling", "tidy up data",
    ),
    "normalize": (
        "feature scaling", "scale features", "standardize features", "standardization", "min-max scaling",
        "z-score", "rescale features", "normalise",
    ),
    "word2vec": ("word embeddings", "word vectors", "embedding words"),
    "image classification": (
        "categorize photos", "classify pictures", "sort photos into categories", "what is in the picture",
    ),
    "object detection": ("locate objects", "draw boxes around objects", "find where objects are"),
    "seq2seq": ("encoder decoder", "encoder-decoder", "sequence-to-sequence", "sequence to sequence"),
    "deepar": (
        "predict future sales", "demand planning", "future demand", "sales prediction", "predict next month",
    ),
    "hyperparameter tuning": (
        "grid search", "random search", "bayesian optimization", "automatic model tuning", "find best settings",
        "try many settings",
    ),
    "inference pipelines": (
        "serial inference", "multiple containers in sequence", "preprocess then predict", "model chaining",
        "chain of models",
    ),
    "real-time inference": (
        "online predictions", "live predictions", "low latency predictions", "instant predictions",
        "on-demand predictions",
    ),
    "sagemaker endpoint": (
        "model serving", "host the model", "hosting a model", "serve the model", "serving predictions",
    ),
    "batch inference": (
        "offline predictions", "bulk predictions", "score a whole dataset", "predictions for a whole file",
        "nightly predictions",
    ),
    "deploy": ("productionize", "put into production", "ship the model", "go live"),
    "api gateway": ("rest api", "public api", "http api", "expose model to internet", "web api"),
    "encryption": ("encrypt at rest", "encrypted in transit", "sse-kms"),
}
