# cmake -DINPUT=FILE -DOUTPUT=FILE.cpp -DSYMBOL=NAME -P EmbedFile.cmake
# Writes FILE's bytes as `const unsigned char NAME[]` and `const int NAMESize`.
file(READ "${INPUT}" _hex HEX)
string(LENGTH "${_hex}" _length)
math(EXPR _size "${_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," _bytes "${_hex}")
file(WRITE "${OUTPUT}.tmp"
     "// generated from ${INPUT} by EmbedFile.cmake\n"
     "extern const unsigned char ${SYMBOL}[];\nextern const int ${SYMBOL}Size;\n"
     "const unsigned char ${SYMBOL}[] = {${_bytes}0x00};\n"
     "const int ${SYMBOL}Size = ${_size};\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
