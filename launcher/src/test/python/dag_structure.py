"""Prints the structure of an Airflow DAG file as JSON, read with ast (Airflow itself is not needed).

Usage: python3 dag_structure.py DAG_FILE
Output: {"imports": {name: module}, "dag": {keyword: value}, "tasks": {variable: {"operator": class,
"kwargs": {keyword: value}}}, "edges": [[upstream, downstream], ...]}. Keyword values are literals, with
module constants resolved and attributes such as TriggerRule.ONE_FAILED given as their dotted name.
"""
import ast
import json
import sys


def dotted(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return dotted(node.value) + "." + node.attr
    raise ValueError("not a dotted name: " + ast.dump(node))


class Reader:
    def __init__(self, tree):
        self.constants = {}
        self.imports = {}
        self.dag = None
        self.tasks = {}
        self.edges = []
        for node in tree.body:
            self.top_level(node)

    def value(self, node):
        if isinstance(node, ast.Name) and node.id in self.constants:
            return self.constants[node.id]
        if isinstance(node, (ast.Attribute, ast.Name)):
            return dotted(node)
        if isinstance(node, ast.Call):
            return dotted(node.func) + "(...)"
        if isinstance(node, ast.Dict):
            return {self.value(k): self.value(v) for k, v in zip(node.keys, node.values)}
        if isinstance(node, (ast.List, ast.Tuple)):
            return [self.value(e) for e in node.elts]
        return ast.literal_eval(node)

    def kwargs(self, call):
        return {k.arg: self.value(k.value) for k in call.keywords}

    def top_level(self, node):
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                self.imports[alias.asname or alias.name] = node.module
        elif isinstance(node, ast.Import):
            for alias in node.names:
                self.imports[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            self.constants[node.targets[0].id] = self.value(node.value)
        elif isinstance(node, ast.With):
            call = node.items[0].context_expr
            if isinstance(call, ast.Call) and dotted(call.func) == "DAG":
                self.dag = self.kwargs(call)
                for statement in node.body:
                    self.in_dag(statement)

    def in_dag(self, node):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            self.tasks[node.targets[0].id] = {"operator": dotted(node.value.func), "kwargs": self.kwargs(node.value)}
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.BinOp):
            self.chain(node.value)

    def side(self, node):
        if isinstance(node, ast.BinOp):
            return self.chain(node)
        if isinstance(node, (ast.List, ast.Tuple)):
            return [e.id for e in node.elts]
        return [node.id]

    def chain(self, node):
        """a >> b adds edges a->b and stands for b; lists stand for each of their tasks."""
        if not isinstance(node.op, ast.RShift):
            raise ValueError("only >> is expected between tasks")
        upstream = self.side(node.left)
        downstream = self.side(node.right)
        for up in upstream:
            for down in downstream:
                self.edges.append([up, down])
        return downstream


def main(path):
    with open(path, encoding="utf-8") as source:
        reader = Reader(ast.parse(source.read(), path))
    print(json.dumps({"imports": reader.imports, "dag": reader.dag, "tasks": reader.tasks, "edges": reader.edges},
                     indent=1))


if __name__ == "__main__":
    main(sys.argv[1])
