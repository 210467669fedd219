Ž
"serve‚

xPlaceholder

wVarHandleOp

saver/filenameConst

saver/SaveV2SaveV2

saver/RestoreV2	RestoreV2

MatMulMatMulxw

secretReadFilepath[
Y

__inference_serve_12&
pyEagerPyFunc*
token
pyfunc_0
dump	WriteFilepc