/root/.pyenv/versions/3.11.7/bin/python: No module named qntrack
