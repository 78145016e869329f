"""How long one DynamoDB call takes in Moto through MotoServer's launcher (docs/decisions.md, "Local AWS emulation").

Run with a python3 that has Moto: `python3 dev-services/probes/moto_latency.py [launcher.py]`. It starts the
launcher (by default the one dev-services ships), creates a table, and times 500 GetItems and 300 PutItems
from one client over one kept-alive connection, printing p50, p90 and p99 in milliseconds. Give it an older
launcher to compare.
"""
import http.client
import json
import os
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
launcher_file = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    here, "..", "src", "main", "resources", "io", "musicassistant", "alexa", "dev", "moto_launcher.py")
server = subprocess.Popen([sys.executable, "-c", open(launcher_file).read(), "0"], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
ready = server.stdout.readline().decode()
port = json.loads(ready.split(" ", 1)[1])["port"]
connection = http.client.HTTPConnection("127.0.0.1", port)
SCOPE = "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0"


def call(target, body):
    connection.request("POST", "/", body=json.dumps(body), headers={
        "X-Amz-Target": "DynamoDB_20120810." + target, "Content-Type": "application/x-amz-json-1.0",
        "Authorization": SCOPE})
    answer = connection.getresponse()
    answer.read()
    return answer.status


def timed(n, target, body_of):
    times = []
    for i in range(n):
        start = time.perf_counter()
        call(target, body_of(i))
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return "p50 %.2f  p90 %.2f  p99 %.2f" % (times[n // 2], times[n * 9 // 10], times[n * 99 // 100])


call("CreateTable", {"TableName": "t", "KeySchema": [{"AttributeName": "k", "KeyType": "HASH"}],
                     "AttributeDefinitions": [{"AttributeName": "k", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"})
for i in range(50):
    call("PutItem", {"TableName": "t", "Item": {"k": {"S": "x%d" % i}, "v": {"S": "y" * 500}}})
print("GetItem (ms)  " + timed(500, "GetItem", lambda i: {"TableName": "t", "Key": {"k": {"S": "x%d" % (i % 50)}},
                                                          "ConsistentRead": True}))
print("PutItem (ms)  " + timed(300, "PutItem", lambda i: {"TableName": "t", "Item": {"k": {"S": "z%d" % i}, "v": {"S": "y" * 500}}}))
server.stdin.close()
server.wait()
