# Writes data/arrests.csv from carData's `Arrests` (Debian package r-cran-cardata).
#
#   apt-get install -y r-cran-cardata
#   Rscript scripts/convert_arrests.R [out.csv]
#
# Rows stay in the package's order; factors are written as their level labels, integers as is,
# with a header line and no row names. See data/README.md for provenance and licence.
suppressPackageStartupMessages(library(carData))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[[1]] else "data/arrests.csv"
d <- carData::Arrests
expected <- c("released", "colour", "year", "age", "sex", "employed", "citizen", "checks")
if (!identical(names(d), expected)) stop("Unexpected columns: ", paste(names(d), collapse = ", "))
if (anyNA(d)) stop("Arrests has missing values; the loader expects none")
write.csv(d, out, row.names = FALSE, quote = FALSE)
cat(sprintf("Wrote %d rows to %s (carData %s)\n", nrow(d), out, packageVersion("carData")))
